-- CreateIndex
CREATE INDEX "Candidate_updatedAt_idx" ON "Candidate"("updatedAt");
