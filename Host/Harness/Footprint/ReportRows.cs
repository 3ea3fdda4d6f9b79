using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Harness.Footprint
{
    /// <summary>A driver with its nanoFramework and MicroPython figures side by side (either side may be missing).</summary>
    public sealed class DriverRow
    {
        public string Name { get; set; }

        public DriverFootprint Nano { get; set; }

        public MicroPythonDriver Micro { get; set; }

        public List<OperationRow> Operations { get; } = new List<OperationRow>();
    }

    /// <summary>A hot operation with both sides.</summary>
    public sealed class OperationRow
    {
        public string Driver { get; set; }

        public string Name { get; set; }

        public OperationFootprint Nano { get; set; }

        /// <summary>MicroPython bytes allocated per call.</summary>
        public int? MicroBytes { get; set; }
    }

    /// <summary>Joins the two sides by driver and operation name (driver names compared without case) and formats figures.</summary>
    public static class ReportRows
    {
        public const string NotAvailable = "NA";

        public static IReadOnlyList<DriverRow> Build(FootprintReport report)
        {
            var rows = new List<DriverRow>();
            foreach (DriverFootprint driver in report.Drivers)
            {
                rows.Add(new DriverRow { Name = driver.Name, Nano = driver });
            }

            if (report.MicroPython != null)
            {
                foreach (KeyValuePair<string, MicroPythonDriver> micro in report.MicroPython.Drivers)
                {
                    DriverRow row = rows.FirstOrDefault(r => string.Equals(r.Name, micro.Key, StringComparison.OrdinalIgnoreCase));
                    if (row == null)
                    {
                        row = new DriverRow { Name = micro.Key };
                        rows.Add(row);
                    }

                    row.Micro = micro.Value;
                }
            }

            foreach (DriverRow row in rows)
            {
                foreach (OperationFootprint operation in row.Nano?.Operations ?? new List<OperationFootprint>())
                {
                    row.Operations.Add(new OperationRow { Driver = row.Name, Name = operation.Name, Nano = operation, MicroBytes = MicroOperation(row.Micro, operation.Name) });
                }

                foreach (KeyValuePair<string, int?> micro in row.Micro?.Operations ?? new Dictionary<string, int?>())
                {
                    if (!row.Operations.Any(o => string.Equals(o.Name, micro.Key, StringComparison.OrdinalIgnoreCase)))
                    {
                        row.Operations.Add(new OperationRow { Driver = row.Name, Name = micro.Key, MicroBytes = micro.Value });
                    }
                }
            }

            return rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>A figure in plain bytes, or NA.</summary>
        public static string Number(long? value) => value.HasValue ? value.Value.ToString(CultureInfo.InvariantCulture) : NotAvailable;

        /// <summary>nanoCLR ÷ MicroPython to two decimals; NA when a side is missing or zero.</summary>
        public static string Ratio(long? nano, long? micro) =>
            nano.HasValue && micro.HasValue && nano.Value > 0 && micro.Value > 0
                ? (nano.Value / (double)micro.Value).ToString("0.00", CultureInfo.InvariantCulture)
                : NotAvailable;

        private static int? MicroOperation(MicroPythonDriver micro, string name)
        {
            if (micro == null)
            {
                return null;
            }

            KeyValuePair<string, int?> match = micro.Operations.FirstOrDefault(o => string.Equals(o.Key, name, StringComparison.OrdinalIgnoreCase));
            return match.Key == null ? null : match.Value;
        }
    }
}
