using System.Collections.Generic;
using System.Linq;

namespace Harness.Compatibility
{
    public enum FindingKind
    {
        /// <summary>A type or member that no allowed listing has.</summary>
        NotInListings,

        /// <summary>A generic type or method instantiated (TypeSpec/MethodSpec GENERICINST, or a generic TypeRef).</summary>
        GenericInstantiation,

        /// <summary>A generic type or method defined in device code.</summary>
        GenericDefinition,

        /// <summary>A construct nanoFramework 1.x cannot run (multidimensional arrays, function pointers, …).</summary>
        Unsupported,

        /// <summary>The host-only HostSeams namespace used outside the host shims.</summary>
        HostSeamOutsideShims,

        /// <summary>packages.config names a package for which no API listing exists, so its use cannot be checked.</summary>
        PackageWithoutListing,

        /// <summary>A custom attribute blob the check could not decode.</summary>
        UndecodableAttribute,
    }

    /// <summary>One reason a device assembly would not build or load on nanoFramework 1.x.</summary>
    public sealed class Finding
    {
        internal Finding(FindingKind kind, string assembly, string docId, string origin, string note)
        {
            Kind = kind;
            Assembly = assembly;
            DocId = docId;
            Origin = origin;
            Note = note;
        }

        public FindingKind Kind { get; }

        /// <summary>The device assembly that holds the reference.</summary>
        public string Assembly { get; }

        /// <summary>The referenced type or member in doc-ID form (for instantiations: <c>List{System.Int32}</c>).</summary>
        public string DocId { get; }

        /// <summary>The assembly the reference resolves to on the host (e.g. System.Runtime, nanoFramework.StandIn).</summary>
        public string Origin { get; }

        public string Note { get; }

        /// <summary>Where the reference is used (type, member or "assembly attributes"); the first few.</summary>
        public IReadOnlyList<string> UsedIn => _usedIn;

        private readonly List<string> _usedIn = new List<string>();

        internal void AddUse(string site)
        {
            if (site != null && !_usedIn.Contains(site))
            {
                _usedIn.Add(site);
            }
        }

        public override string ToString()
        {
            string what = Kind switch
            {
                FindingKind.NotInListings => "not in the allowed nanoFramework 1.x listings",
                FindingKind.GenericInstantiation => "generic instantiation (nanoFramework 1.x has no generics)",
                FindingKind.GenericDefinition => "generic definition (nanoFramework 1.x has no generics)",
                FindingKind.Unsupported => "not supported by nanoFramework 1.x",
                FindingKind.HostSeamOutsideShims => "host-only namespace HostSeams used outside the host shims",
                FindingKind.PackageWithoutListing => "package without an API listing",
                _ => "custom attribute could not be decoded",
            };
            string origin = Origin == null ? string.Empty : $" from {Origin}";
            string note = string.IsNullOrEmpty(Note) ? string.Empty : $" ({Note})";
            const int shown = 3;
            string used = _usedIn.Count == 0
                ? string.Empty
                : " — used in " + string.Join("; ", _usedIn.Take(shown)) + (_usedIn.Count > shown ? $"; +{_usedIn.Count - shown} more" : string.Empty);
            return $"[{Assembly}] {DocId}{origin}: {what}{note}{used}";
        }
    }

    /// <summary>A host lowering the check accepted, and where.</summary>
    public sealed class LoweringUse
    {
        internal LoweringUse(HostLowering lowering, string docId, string site)
        {
            Lowering = lowering;
            DocId = docId;
            Site = site;
        }

        public HostLowering Lowering { get; }

        public string DocId { get; }

        public string Site { get; }

        public override string ToString() => $"{DocId} → {Lowering.DeviceEmits} in {Site}";
    }

    /// <summary>The outcome of checking one device assembly.</summary>
    public sealed class CompatibilityReport
    {
        internal CompatibilityReport(string assembly, string allowedListings, IReadOnlyList<Finding> findings, IReadOnlyList<LoweringUse> lowerings)
        {
            Assembly = assembly;
            AllowedListings = allowedListings;
            Findings = findings;
            Lowerings = lowerings;
        }

        public string Assembly { get; }

        /// <summary>The listings that made up the allowed surface, e.g. "mscorlib.txt, System.Device.I2c.txt".</summary>
        public string AllowedListings { get; }

        public IReadOnlyList<Finding> Findings { get; }

        public IReadOnlyList<LoweringUse> Lowerings { get; }

        public bool Passed => Findings.Count == 0;

        public override string ToString() =>
            Passed
                ? $"{Assembly}: compatible with nanoFramework 1.x ({AllowedListings}); {Lowerings.Count} host lowering(s) accepted."
                : $"{Assembly}: {Findings.Count} finding(s) against {AllowedListings}:\n  " + string.Join("\n  ", Findings);
    }
}
