using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Harness.Compatibility
{
    /// <summary>The judging half: is a reference on the project's allowed surface, a sibling project, or a host lowering?</summary>
    internal sealed partial class AssemblyScan
    {
        private readonly ApiListings _listings;
        private readonly IReadOnlyList<ApiListing> _allowed;
        private readonly HashSet<string> _siblings;
        private readonly string _assembly;
        private readonly Dictionary<(FindingKind, string), Finding> _findings = new Dictionary<(FindingKind, string), Finding>();
        private readonly List<LoweringUse> _lowerings = new List<LoweringUse>();
        private readonly HashSet<(string, string)> _loweredAt = new HashSet<(string, string)>();

        private AssemblyScan(PEReader pe, DeviceProject project, ApiListings listings)
        {
            _pe = pe;
            _md = pe.GetMetadataReader();
            _provider = new DocIdTypeProvider(_md, this);
            _silent = new DocIdTypeProvider(_md, null);
            _listings = listings;
            _assembly = _md.GetString(_md.GetAssemblyDefinition().Name);
            _siblings = new HashSet<string>(project.ReferencedAssemblies, StringComparer.OrdinalIgnoreCase);
            _hostReplacements = project.HostReplacementTypes;

            var allowed = new List<ApiListing> { listings.CoreLibrary };
            foreach (NuGetPackage package in project.Packages)
            {
                ApiListing listing = listings.ForPackage(package.Id);
                if (listing == null)
                {
                    Add(FindingKind.PackageWithoutListing, package.ToString(), null,
                        $"packages.config names it but {listings.Directory} has no listing for it, so its use cannot be checked");
                }
                else if (!allowed.Contains(listing))
                {
                    allowed.Add(listing);
                }
            }

            _allowed = allowed;
        }

        public static CompatibilityReport Run(PEReader pe, DeviceProject project, ApiListings listings)
        {
            var scan = new AssemblyScan(pe, project, listings);
            scan.Walk();
            return new CompatibilityReport(
                scan._assembly,
                string.Join(", ", scan._allowed.Select(l => l.FileName)),
                scan._findings.Values.OrderBy(f => f.Kind).ThenBy(f => f.DocId, StringComparer.Ordinal).ToList(),
                scan._lowerings);
        }

        private void Judge(string docId, string accessorDocId, string origin, string outerNamespace)
        {
            if (_inShim || _siblings.Contains(origin) || origin == _assembly)
            {
                return;
            }

            if (outerNamespace == "HostSeams")
            {
                Add(FindingKind.HostSeamOutsideShims, docId, origin, "only the host shims in Host/Device/Shims may use it");
                return;
            }

            if (Allowed(docId) || (accessorDocId != null && Allowed(accessorDocId)) || Lowered(docId))
            {
                return;
            }

            // Name accessors as the listings do: P:Type.Name / E:Type.Name rather than M:Type.get_Name.
            string named = accessorDocId ?? docId;
            Add(FindingKind.NotInListings, named, origin, ListedElsewhere(named));
        }

        private void GenericTypeInstance(string instance, string genericType)
        {
            if (!_inShim && !Lowered(instance))
            {
                Add(FindingKind.GenericInstantiation, instance, null, "of " + genericType);
            }
        }

        private void GenericMethodInstance(string method, string instance, string origin)
        {
            if (!_inShim && !_siblings.Contains(origin) && !Lowered(method))
            {
                Add(FindingKind.GenericInstantiation, instance, origin, "of " + method);
            }
        }

        private void GenericDefinition(string docId)
        {
            if (!_inShim)
            {
                Add(FindingKind.GenericDefinition, docId, null, null);
            }
        }

        private void Unsupported(string what)
        {
            if (!_inShim)
            {
                Add(FindingKind.Unsupported, what, null, null);
            }
        }

        private void UndecodableAttribute(string constructor, string reason)
        {
            if (!_inShim)
            {
                Add(FindingKind.UndecodableAttribute, constructor, null, reason);
            }
        }

        private bool Allowed(string docId) => _allowed.Any(l => l.Contains(docId));

        private bool Lowered(string docId)
        {
            var context = new UseContext(_inAttribute, _inEventAccessor, _inSpanConcat);
            HostLowering lowering = HostLowering.Table.FirstOrDefault(l => l.Matches(docId, context) && l.Requires.All(Allowed));
            if (lowering == null)
            {
                return false;
            }

            if (_loweredAt.Add((docId, _site)))
            {
                _lowerings.Add(new LoweringUse(lowering, docId, _site));
            }

            return true;
        }

        private string ListedElsewhere(string docId)
        {
            ApiListing other = _listings.Containing(docId).FirstOrDefault();
            return other == null ? null : $"it is in {other.FileName}, package {other.PackageId}, which packages.config does not name";
        }

        private void Add(FindingKind kind, string docId, string origin, string note)
        {
            if (!_findings.TryGetValue((kind, docId), out Finding finding))
            {
                finding = new Finding(kind, _assembly, docId, origin, note);
                _findings.Add((kind, docId), finding);
            }

            finding.AddUse(_site);
        }
    }
}
