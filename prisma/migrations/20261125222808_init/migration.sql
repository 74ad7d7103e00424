-- CreateEnum
CREATE TYPE "Role" AS ENUM ('INTERVIEWER', 'RECRUITER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Track" AS ENUM ('IC', 'M');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "InterviewStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OverallRecommendation" AS ENUM ('strong_no', 'no', 'yes', 'strong_yes');

-- CreateEnum
CREATE TYPE "LevelCode" AS ENUM ('IC3', 'IC4', 'IC5', 'IC6', 'M1', 'M2');

-- CreateEnum
CREATE TYPE "ProductionCapability" AS ENUM ('serving', 'monitoring', 'featureStore', 'modelCicd');

-- CreateEnum
CREATE TYPE "EvidenceStatus" AS ENUM ('evidenced', 'not_evidenced', 'not_discussed');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMP(3),
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "currentTitle" TEXT NOT NULL,
    "yearsExperience" INTEGER NOT NULL,
    "track" "Track" NOT NULL DEFAULT 'IC',
    "faangExperience" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT NOT NULL DEFAULT '',
    "recruiterId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "absoluteExpiresAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "firstFailureAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "blockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "ipAddress" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreenArea" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "ScreenArea_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RubricVersion" (
    "id" UUID NOT NULL,
    "areaKey" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedById" UUID,

    CONSTRAINT "RubricVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" UUID NOT NULL,
    "rubricVersionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "lookFor" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "anchor1" TEXT NOT NULL,
    "anchor2" TEXT NOT NULL,
    "anchor3" TEXT NOT NULL,
    "anchor4" TEXT NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interview" (
    "id" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "areaKey" TEXT NOT NULL,
    "interviewerId" UUID NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 60,
    "status" "InterviewStatus" NOT NULL DEFAULT 'SCHEDULED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" UUID NOT NULL,
    "interviewId" UUID NOT NULL,
    "rubricVersionId" UUID NOT NULL,
    "draft" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "overallRecommendation" "OverallRecommendation",
    "levelSignal" "LevelCode",
    "lifecycleOwnership" BOOLEAN,
    "sharedInfrastructure" BOOLEAN,
    "peopleManagement" BOOLEAN,
    "noteForLaterInterviewers" TEXT,
    "weightedScore" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScorecardRating" (
    "scorecardId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "evidence" TEXT NOT NULL,

    CONSTRAINT "ScorecardRating_pkey" PRIMARY KEY ("scorecardId","criterionId")
);

-- CreateTable
CREATE TABLE "ScorecardProductionEvidence" (
    "scorecardId" UUID NOT NULL,
    "capability" "ProductionCapability" NOT NULL,
    "status" "EvidenceStatus" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ScorecardProductionEvidence_pkey" PRIMARY KEY ("scorecardId","capability")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_email_key" ON "Candidate"("email");

-- CreateIndex
CREATE INDEX "Candidate_name_idx" ON "Candidate"("name");

-- CreateIndex
CREATE INDEX "Candidate_country_idx" ON "Candidate"("country");

-- CreateIndex
CREATE INDEX "Candidate_recruiterId_idx" ON "Candidate"("recruiterId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ScreenArea_position_key" ON "ScreenArea"("position");

-- CreateIndex
CREATE INDEX "RubricVersion_areaKey_status_idx" ON "RubricVersion"("areaKey", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RubricVersion_areaKey_number_key" ON "RubricVersion"("areaKey", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_rubricVersionId_key_key" ON "Criterion"("rubricVersionId", "key");

-- CreateIndex
CREATE INDEX "Interview_interviewerId_scheduledAt_idx" ON "Interview"("interviewerId", "scheduledAt");

-- CreateIndex
CREATE INDEX "Interview_areaKey_idx" ON "Interview"("areaKey");

-- CreateIndex
CREATE UNIQUE INDEX "Interview_candidateId_areaKey_interviewerId_key" ON "Interview"("candidateId", "areaKey", "interviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_interviewId_key" ON "Scorecard"("interviewId");

-- CreateIndex
CREATE INDEX "Scorecard_submittedAt_idx" ON "Scorecard"("submittedAt");

-- CreateIndex
CREATE INDEX "Scorecard_rubricVersionId_idx" ON "Scorecard"("rubricVersionId");

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_recruiterId_fkey" FOREIGN KEY ("recruiterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RubricVersion" ADD CONSTRAINT "RubricVersion_areaKey_fkey" FOREIGN KEY ("areaKey") REFERENCES "ScreenArea"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_areaKey_fkey" FOREIGN KEY ("areaKey") REFERENCES "ScreenArea"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_rubricVersionId_fkey" FOREIGN KEY ("rubricVersionId") REFERENCES "RubricVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardRating" ADD CONSTRAINT "ScorecardRating_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardRating" ADD CONSTRAINT "ScorecardRating_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScorecardProductionEvidence" ADD CONSTRAINT "ScorecardProductionEvidence_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma does not model triggers): AuditEvent is append-only. Any UPDATE,
-- DELETE or TRUNCATE of it fails, whichever rows it would touch. Retention jobs, if ever
-- needed, must be explicit: ALTER TABLE "AuditEvent" DISABLE TRIGGER ... as the owner.
CREATE FUNCTION "AuditEvent_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_refuse_change"();

-- Hand-written: a published rubric never changes (DOMAIN.md "Rubrics"). Criteria may be
-- written only while their version is a draft; a published version may only be retired.
CREATE FUNCTION "Criterion_refuse_change_unless_draft"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  version_status "VersionStatus";
BEGIN
  SELECT "status" INTO version_status FROM "RubricVersion"
  WHERE "id" = COALESCE(NEW."rubricVersionId", OLD."rubricVersionId");
  IF version_status IS DISTINCT FROM 'DRAFT' THEN
    RAISE EXCEPTION 'Criteria of a % rubric version cannot change', version_status;
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$;

CREATE TRIGGER "Criterion_frozen_once_published"
BEFORE INSERT OR UPDATE OR DELETE ON "Criterion"
FOR EACH ROW EXECUTE FUNCTION "Criterion_refuse_change_unless_draft"();

CREATE FUNCTION "RubricVersion_refuse_change_once_published"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF OLD."status" = 'PUBLISHED' AND NEW."status" IN ('PUBLISHED', 'RETIRED')
     AND NEW."areaKey" = OLD."areaKey" AND NEW."number" = OLD."number"
     AND NEW."publishedAt" IS NOT DISTINCT FROM OLD."publishedAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'A % rubric version cannot change', OLD."status";
END;
$$;

CREATE TRIGGER "RubricVersion_frozen_once_published"
BEFORE UPDATE ON "RubricVersion"
FOR EACH ROW EXECUTE FUNCTION "RubricVersion_refuse_change_once_published"();
