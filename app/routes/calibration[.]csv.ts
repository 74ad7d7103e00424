import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/permissions.server";
import { calibrationCsv } from "~/domain/calibration/csv";
import { parseCalibrationQuery } from "~/domain/calibration/query";
import { getCalibrationReport } from "~/models/calibration.server";

/** The calibration page's numbers for the same filter, as a CSV download (a resource route). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "RECRUITER", "ADMIN");
  const filter = parseCalibrationQuery(new URL(request.url).searchParams);
  const report = await getCalibrationReport(filter);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(calibrationCsv(report, report.names), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="calibration-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
