import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/permissions.server";
import { calibrationCsv } from "~/domain/calibration/csv";
import { parseCalibrationQuery } from "~/domain/calibration/query";
import { getCalibrationReport } from "~/models/calibration.server";
import { withheldFrom } from "~/models/visibility.server";

/** The calibration page's numbers for the same filter, as a CSV download (a resource route). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "RECRUITER", "ADMIN");
  const filter = parseCalibrationQuery(new URL(request.url).searchParams);
  // Independent scoring: candidates the viewer still owes a scorecard for are left out.
  const report = await getCalibrationReport(filter, { withheldCandidateIds: (await withheldFrom(user.id)).candidateIds });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(calibrationCsv(report, report.names), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="calibration-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
