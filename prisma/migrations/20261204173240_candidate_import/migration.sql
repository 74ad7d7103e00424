-- CreateTable
CREATE TABLE "CandidateImport" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "csv" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),
    "result" JSONB,

    CONSTRAINT "CandidateImport_pkey" PRIMARY KEY ("id")
);
