using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Harness.Footprint
{
    /// <summary>
    /// Reads MicroPython/results/footprint.json:
    /// <c>{ "source", "blockBytes", "generated", "notes": [..], "drivers": { "VL6180X": { "module", "importPy", "importMpy",
    /// "importPyPlainConsts", "importMpyPlainConsts", "instance", "operations": { "ReadRange": n, … } }, … } }</c>.
    /// Missing figures stay null (shown as NA).
    /// </summary>
    public static class MicroPythonReader
    {
        public static MicroPythonResults Read(string path) => Parse(File.ReadAllText(path));

        public static MicroPythonResults Parse(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            var results = new MicroPythonResults
            {
                Source = Text(root, "source"),
                BlockBytes = Number(root, "blockBytes") ?? 0,
                Generated = Text(root, "generated"),
                Notes = root.TryGetProperty("notes", out JsonElement notes) && notes.ValueKind == JsonValueKind.Array
                    ? notes.EnumerateArray().Select(n => n.ToString()).ToList()
                    : new List<string>(),
            };

            if (root.TryGetProperty("drivers", out JsonElement drivers) && drivers.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty driver in drivers.EnumerateObject())
                {
                    JsonElement d = driver.Value;
                    var entry = new MicroPythonDriver
                    {
                        Module = Text(d, "module"),
                        ImportPy = Number(d, "importPy"),
                        ImportMpy = Number(d, "importMpy"),
                        ImportPyPlainConsts = Number(d, "importPyPlainConsts"),
                        ImportMpyPlainConsts = Number(d, "importMpyPlainConsts"),
                        Instance = Number(d, "instance"),
                    };
                    if (d.TryGetProperty("operations", out JsonElement operations) && operations.ValueKind == JsonValueKind.Object)
                    {
                        foreach (JsonProperty operation in operations.EnumerateObject())
                        {
                            entry.Operations[operation.Name] = operation.Value.ValueKind == JsonValueKind.Number ? (int?)Math.Round(operation.Value.GetDouble()) : null;
                        }
                    }

                    results.Drivers[driver.Name] = entry;
                }
            }

            return results;
        }

        private static string Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

        private static int? Number(JsonElement element, string name) =>
            element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? (int?)Math.Round(value.GetDouble()) : null;
    }
}
