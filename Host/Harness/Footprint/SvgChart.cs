using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;

namespace Harness.Footprint
{
    /// <summary>
    /// Draws the report as an SVG bar chart, in-process and deterministic (same data, same bytes): per driver, paired bars
    /// for assembly load against .mpy import, instance against instance, and garbage per call against bytes per call.
    /// </summary>
    public static class SvgChart
    {
        public const string NanoColour = "#1f6fb4";
        public const string MicroColour = "#e07b16";

        private const int Width = 780;
        private const int LabelWidth = 250;
        private const int BarLeft = 260;
        private const int BarMax = 400;
        private const int BarHeight = 14;
        private const int BarGap = 3;
        private const int MetricGap = 10;

        public static string Write(FootprintReport report)
        {
            IReadOnlyList<DriverRow> rows = ReportRows.Build(report);
            var metrics = rows.Select(r => (Driver: r.Name, Metrics: Metrics(r))).ToList();
            long max = Math.Max(1, metrics.SelectMany(m => m.Metrics).SelectMany(m => new[] { m.Nano ?? 0, m.Micro ?? 0 }).DefaultIfEmpty(0).Max());

            var body = new StringBuilder();
            int y = 64;
            foreach ((string driver, List<(string Label, long? Nano, long? Micro)> list) in metrics)
            {
                body.Append($"  <text x=\"10\" y=\"{y + 12}\" class=\"driver\">{Escape(driver)}</text>\n");
                y += 22;
                foreach ((string label, long? nano, long? micro) in list)
                {
                    body.Append($"  <text x=\"{LabelWidth}\" y=\"{y + BarHeight + 2}\" class=\"label\" text-anchor=\"end\">{Escape(label)}</text>\n");
                    Bar(body, y, nano, max, NanoColour, "nanoCLR");
                    y += BarHeight + BarGap;
                    Bar(body, y, micro, max, MicroColour, "MicroPython");
                    y += BarHeight + MetricGap;
                }

                y += 8;
            }

            if (metrics.Count == 0)
            {
                body.Append($"  <text x=\"10\" y=\"{y + 12}\" class=\"label\">No driver measured yet.</text>\n");
                y += 24;
            }

            int height = y + 30;
            var svg = new StringBuilder();
            svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\">\n");
            svg.Append("  <style>.title{font-size:15px;font-weight:bold}.driver{font-size:13px;font-weight:bold}.label{font-size:11px}.value{font-size:10px}</style>\n");
            svg.Append($"  <rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
            svg.Append("  <text x=\"10\" y=\"22\" class=\"title\">RAM per driver, bytes (nanoCLR model vs MicroPython VM, 32-bit)</text>\n");
            svg.Append($"  <rect x=\"10\" y=\"34\" width=\"12\" height=\"12\" fill=\"{NanoColour}\"/><text x=\"28\" y=\"44\" class=\"label\">nanoFramework (nanoCLR model)</text>\n");
            svg.Append($"  <rect x=\"230\" y=\"34\" width=\"12\" height=\"12\" fill=\"{MicroColour}\"/><text x=\"248\" y=\"44\" class=\"label\">MicroPython (measured in the VM)</text>\n");
            svg.Append(body);
            svg.Append($"  <text x=\"10\" y=\"{height - 10}\" class=\"value\">Linear scale, longest bar = {max.ToString(CultureInfo.InvariantCulture)} B. NA: no figure on that side.</text>\n");
            svg.Append("</svg>\n");
            return svg.ToString();
        }

        private static List<(string Label, long? Nano, long? Micro)> Metrics(DriverRow row)
        {
            var list = new List<(string, long?, long?)>
            {
                ("assembly load / import (.mpy)", row.Nano?.AssemblyLoadBytes, row.Micro?.ImportMpy),
                ("instance", row.Nano?.InstanceBytes, row.Micro?.Instance),
            };
            foreach (OperationRow op in row.Operations)
            {
                list.Add((op.Name + ": garbage per call", op.Nano?.GarbageBytes, op.MicroBytes));
            }

            return list;
        }

        private static void Bar(StringBuilder body, int y, long? value, long max, string colour, string side)
        {
            if (!value.HasValue)
            {
                body.Append($"  <text x=\"{BarLeft + 2}\" y=\"{y + BarHeight - 3}\" class=\"value\" fill=\"#777777\">NA ({side})</text>\n");
                return;
            }

            int width = (int)Math.Round(BarMax * (double)value.Value / max);
            string text = value.Value.ToString(CultureInfo.InvariantCulture);
            body.Append($"  <rect x=\"{BarLeft}\" y=\"{y}\" width=\"{width}\" height=\"{BarHeight}\" fill=\"{colour}\"><title>{side}: {text} B</title></rect>\n");
            body.Append($"  <text x=\"{BarLeft + width + 4}\" y=\"{y + BarHeight - 3}\" class=\"value\">{text}</text>\n");
        }

        private static string Escape(string text) => SecurityElement.Escape(text ?? ReportRows.NotAvailable);
    }
}
