-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('incomplete', 'no_hire', 'recommended');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('accept', 'override');

-- CreateTable
CREATE TABLE "LevelingPolicyVersion" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "policy" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedById" UUID,

    CONSTRAINT "LevelingPolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateRecommendation" (
    "candidateId" UUID NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "status" "RecommendationStatus" NOT NULL,
    "level" "LevelCode",
    "bandMin" INTEGER,
    "bandMax" INTEGER,
    "premiumMin" INTEGER,
    "premiumMax" INTEGER,
    "flags" JSONB NOT NULL DEFAULT '[]',
    "flagCount" INTEGER NOT NULL DEFAULT 0,
    "explanation" JSONB NOT NULL DEFAULT '[]',
    "evidence" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidateRecommendation_pkey" PRIMARY KEY ("candidateId")
);

-- CreateTable
CREATE TABLE "HiringDecision" (
    "id" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "level" "LevelCode",
    "recommendedLevel" "LevelCode",
    "recommendationStatus" "RecommendationStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "policyVersion" INTEGER NOT NULL,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HiringDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LevelingPolicyVersion_number_key" ON "LevelingPolicyVersion"("number");

-- CreateIndex
CREATE INDEX "LevelingPolicyVersion_status_idx" ON "LevelingPolicyVersion"("status");

-- CreateIndex
CREATE INDEX "CandidateRecommendation_status_level_idx" ON "CandidateRecommendation"("status", "level");

-- CreateIndex
CREATE UNIQUE INDEX "HiringDecision_candidateId_key" ON "HiringDecision"("candidateId");

-- CreateIndex
CREATE INDEX "Candidate_createdAt_idx" ON "Candidate"("createdAt");

-- AddForeignKey
ALTER TABLE "CandidateRecommendation" ADD CONSTRAINT "CandidateRecommendation_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringDecision" ADD CONSTRAINT "HiringDecision_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
