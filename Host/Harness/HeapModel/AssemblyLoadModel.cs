using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Harness.Il;

namespace Harness.HeapModel
{
    /// <summary>Row counts of a nanoFramework <c>.pe</c>, the inputs of the assembly-load formula (nanoclr-heap.md §3c).</summary>
    public sealed class MetadataCounts
    {
        public MetadataCounts(int assemblyRefs, int typeRefs, int fieldRefs, int methodRefs, int typeDefs, int fieldDefs, int methodDefs, int staticFields)
        {
            AssemblyRefs = assemblyRefs;
            TypeRefs = typeRefs;
            FieldRefs = fieldRefs;
            MethodRefs = methodRefs;
            TypeDefs = typeDefs;
            FieldDefs = fieldDefs;
            MethodDefs = methodDefs;
            StaticFields = staticFields;
        }

        /// <summary>AR</summary>
        public int AssemblyRefs { get; }

        /// <summary>TR</summary>
        public int TypeRefs { get; }

        /// <summary>FR</summary>
        public int FieldRefs { get; }

        /// <summary>MR</summary>
        public int MethodRefs { get; }

        /// <summary>TD</summary>
        public int TypeDefs { get; }

        /// <summary>FD (fields with a constant value are not rows of the .pe)</summary>
        public int FieldDefs { get; }

        /// <summary>MD</summary>
        public int MethodDefs { get; }

        /// <summary>SF</summary>
        public int StaticFields { get; }

        public override string ToString() =>
            $"AR={AssemblyRefs} TR={TypeRefs} FR={FieldRefs} MR={MethodRefs} TD={TypeDefs} FD={FieldDefs} MD={MethodDefs} SF={StaticFields}";
    }

    /// <summary>The modelled load RAM of one assembly, with the counts and every host-to-device adjustment made.</summary>
    public sealed class AssemblyLoadEstimate
    {
        internal AssemblyLoadEstimate(string name, MetadataCounts counts, int boxedStaticBytes, IReadOnlyList<string> boxedStatics,
            IReadOnlyList<string> assemblyRefs, IReadOnlyList<string> typeRefs, IReadOnlyList<string> fieldRefs,
            IReadOnlyList<string> methodRefs, IReadOnlyList<string> adjustments)
        {
            Name = name;
            Counts = counts;
            BoxedStaticBytes = boxedStaticBytes;
            BoxedStatics = boxedStatics;
            AssemblyRefs = assemblyRefs;
            TypeRefs = typeRefs;
            FieldRefs = fieldRefs;
            MethodRefs = methodRefs;
            Adjustments = adjustments;
        }

        public string Name { get; }

        public MetadataCounts Counts { get; }

        /// <summary>T: the unrounded size of the assembly record and its cross-reference tables.</summary>
        public int TableBytes => AssemblyLoadModel.TableBytes(Counts);

        /// <summary>12·ceil(T/12): the RAM block reserved at load.</summary>
        public int RecordBytes => NanoClr.Blocks(TableBytes);

        /// <summary>Static fields of a struct type, boxed at load: 12·(1+F) each.</summary>
        public int BoxedStaticBytes { get; }

        /// <summary>Record plus boxed statics. What static constructors keep is measured separately (static bytes).</summary>
        public int TotalBytes => RecordBytes + BoxedStaticBytes;

        public IReadOnlyList<string> BoxedStatics { get; }

        public IReadOnlyList<string> AssemblyRefs { get; }

        public IReadOnlyList<string> TypeRefs { get; }

        public IReadOnlyList<string> FieldRefs { get; }

        public IReadOnlyList<string> MethodRefs { get; }

        /// <summary>What was dropped or added to turn the host .dll's tables into the .pe's, one line each.</summary>
        public IReadOnlyList<string> Adjustments { get; }

        public override string ToString() => $"{Name}: {TotalBytes} B ({Counts}, T={TableBytes})";
    }

    /// <summary>
    /// The RAM nanoCLR reserves when it loads an assembly (CLR_RT_Assembly::CreateInstance, nanoclr-heap.md §3c), from
    /// the row counts of the .pe the MetadataProcessor would make of a compiled .dll. How host tables map to .pe tables:
    /// <list type="bullet">
    /// <item>TypeDefs: every type but <c>&lt;Module&gt;</c> (the MetadataProcessor skips it), the host shims
    /// <c>System.Threading.Thread</c> and <c>System.Environment</c> (the device build has no such types) and
    /// compiler-embedded attribute types (<c>Microsoft.CodeAnalysis.EmbeddedAttribute</c> and those it marks).</item>
    /// <item>FieldDefs: fields without a constant value (constants are inlined and dropped). Static fields = SF.</item>
    /// <item>TypeRefs/MemberRefs: only those the MetadataProcessor's minimizer keeps: reached from the kept types (base type,
    /// interfaces, field/method/local signatures, IL operands, catch types) and from their type, field and method
    /// attributes, except attributes on its ignore list. Assembly- and module-level attributes are never reached, so the
    /// references they alone use are dropped. A nested TypeRef keeps its enclosing TypeRef.</item>
    /// <item>Each TypeRef is re-homed to the nanoFramework assembly that defines the type (<see cref="DeviceAssemblyMap"/>):
    /// the .NET base library and the stand-in become mscorlib and one assembly per package; references between device
    /// assemblies keep their name. Distinct (assembly, type) pairs are counted.</item>
    /// <item>Calls into the host shims are MethodDefs on the host but MethodRefs to mscorlib (Thread) and
    /// nanoFramework.Runtime.Native (Environment) on the device: one MethodRef per shim method used, one TypeRef per shim
    /// type used.</item>
    /// <item>AssemblyRefs: the distinct device assemblies of the counted TypeRefs, and mscorlib always (the measured empty
    /// library, 144 B, has exactly one).</item>
    /// </list>
    /// Where host counts may still differ from a device build: overloads the .NET base library has and nanoFramework's does
    /// not (the compiler may bind a different MemberRef), compiler-synthesised attribute types that nanoFramework's mscorlib
    /// lacks (embedded as TypeDefs on the device), and generic instantiations (device code has none).
    /// </summary>
    public static class AssemblyLoadModel
    {
        /// <summary>sizeof(CLR_RT_Assembly) rounded to 4 in ESP32 firmware (debugger enabled); 136 in release/host builds.</summary>
        public const int Esp32RecordBase = 140;

        /// <summary>Attribute types the MetadataProcessor ignores (nanoTablesContext.IgnoringAttributes).</summary>
        public static readonly IReadOnlyCollection<string> IgnoredAttributes = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.Reflection.AssemblyFileVersionAttribute",
            "System.Runtime.InteropServices.ComVisibleAttribute",
            "System.Runtime.InteropServices.GuidAttribute",
            "System.Diagnostics.DebuggableAttribute",
            "System.Diagnostics.DebuggerBrowsableAttribute",
            "System.Diagnostics.DebuggerBrowsableState",
            "System.Diagnostics.DebuggerHiddenAttribute",
            "System.Diagnostics.DebuggerNonUserCodeAttribute",
            "System.Diagnostics.DebuggerStepThroughAttribute",
            "System.Diagnostics.DebuggerDisplayAttribute",
            "System.AttributeUsageAttribute",
            "System.CLSCompliantAttribute",
            "System.FlagsAttribute",
            "System.ObsoleteAttribute",
            "System.Diagnostics.ConditionalAttribute",
            "System.ComponentModel.EditorBrowsableAttribute",
            "System.Reflection.DefaultMemberAttribute",
            "System.MTAThreadAttribute",
            "System.STAThreadAttribute",
        };

        private static readonly (string Namespace, string Name, string DeviceAssembly)[] Shims =
        {
            ("System.Threading", "Thread", DeviceAssemblyMap.CoreLibrary),
            ("System", "Environment", "nanoFramework.Runtime.Native"),
        };

        private static readonly HashSet<OperandType> TokenOperands = new HashSet<OperandType>
        {
            OperandType.InlineMethod, OperandType.InlineField, OperandType.InlineType, OperandType.InlineTok,
        };

        /// <summary>T = 140 + r4(4AR) + r4(4TR) + r4(4FR) + r4(4MR) + r4(8TD) + r4(2FD) + r4(2MD) + 12SF + r4(MD).</summary>
        public static int TableBytes(MetadataCounts c) =>
            Esp32RecordBase + R4(4 * c.AssemblyRefs) + R4(4 * c.TypeRefs) + R4(4 * c.FieldRefs) + R4(4 * c.MethodRefs) +
            R4(8 * c.TypeDefs) + R4(2 * c.FieldDefs) + R4(2 * c.MethodDefs) + NanoClr.StaticField * c.StaticFields + R4(c.MethodDefs);

        /// <summary>The RAM block of the assembly record: 12·ceil(T/12).</summary>
        public static int RecordBytes(MetadataCounts c) => NanoClr.Blocks(TableBytes(c));

        public static AssemblyLoadEstimate FromFile(string path) => FromImage(File.ReadAllBytes(path));

        public static AssemblyLoadEstimate FromAssembly(Assembly assembly) => FromFile(assembly.Location);

        public static AssemblyLoadEstimate FromImage(byte[] image)
        {
            using var pe = new PEReader(ImmutableArray.Create(image));
            return new Counter(pe).Count();
        }

        private static int R4(int x) => (x + 3) & ~3;

        private sealed class Counter
        {
            private readonly PEReader _pe;
            private readonly MetadataReader _md;
            private readonly HashSet<TypeDefinitionHandle> _kept = new HashSet<TypeDefinitionHandle>();
            private readonly HashSet<TypeReferenceHandle> _typeRefs = new HashSet<TypeReferenceHandle>();
            private readonly HashSet<MemberReferenceHandle> _memberRefs = new HashSet<MemberReferenceHandle>();
            private readonly HashSet<string> _shimMethods = new HashSet<string>(StringComparer.Ordinal);
            private readonly HashSet<string> _shimTypes = new HashSet<string>(StringComparer.Ordinal);
            private readonly List<string> _adjustments = new List<string>();
            private readonly SignatureCollector _signatures;
            private int _ignoredAttributes;

            public Counter(PEReader pe)
            {
                _pe = pe;
                _md = pe.GetMetadataReader();
                _signatures = new SignatureCollector(_typeRefs);
            }

            public AssemblyLoadEstimate Count()
            {
                SelectTypes();
                int fieldDefs = 0, staticFields = 0, methodDefs = 0, constants = 0;
                foreach (TypeDefinitionHandle handle in _kept)
                {
                    TypeDefinition type = _md.GetTypeDefinition(handle);
                    CollectType(type);
                    foreach (FieldDefinitionHandle fh in type.GetFields())
                    {
                        FieldDefinition field = _md.GetFieldDefinition(fh);
                        if ((field.Attributes & FieldAttributes.Literal) != 0)
                        {
                            constants++;
                            continue;
                        }

                        fieldDefs++;
                        if ((field.Attributes & FieldAttributes.Static) != 0)
                        {
                            staticFields++;
                        }

                        field.DecodeSignature(_signatures, null);
                        CollectAttributes(field.GetCustomAttributes());
                    }

                    foreach (MethodDefinitionHandle mh in type.GetMethods())
                    {
                        methodDefs++;
                        CollectMethod(_md.GetMethodDefinition(mh));
                    }
                }

                if (constants > 0)
                {
                    _adjustments.Add($"{constants} field(s) with a constant value dropped (inlined by the compiler, not in the .pe)");
                }

                if (_ignoredAttributes > 0)
                {
                    _adjustments.Add($"{_ignoredAttributes} attribute(s) the MetadataProcessor ignores left out");
                }

                CloseOverMemberRefs();
                CloseOverNestedTypeRefs();

                var typeRefNames = new SortedSet<string>(StringComparer.Ordinal);
                var assemblies = new SortedSet<string>(StringComparer.Ordinal) { DeviceAssemblyMap.CoreLibrary };
                foreach (TypeReferenceHandle handle in _typeRefs)
                {
                    (string assembly, string typeName) = DeviceIdentity(handle);
                    typeRefNames.Add($"[{assembly}]{typeName}");
                    assemblies.Add(assembly);
                }

                foreach ((string ns, string shim, string assembly) in Shims)
                {
                    string full = ns + "." + shim;
                    if (_shimTypes.Contains(full))
                    {
                        typeRefNames.Add($"[{assembly}]{full}");
                        assemblies.Add(assembly);
                    }
                }

                var fieldRefNames = new SortedSet<string>(StringComparer.Ordinal);
                var methodRefNames = new SortedSet<string>(StringComparer.Ordinal);
                foreach (MemberReferenceHandle handle in _memberRefs)
                {
                    MemberReference member = _md.GetMemberReference(handle);
                    string key = ParentName(member.Parent) + "::" + _md.GetString(member.Name) + " " +
                        BitConverter.ToString(_md.GetBlobBytes(member.Signature));
                    (member.GetKind() == MemberReferenceKind.Field ? fieldRefNames : methodRefNames).Add(key);
                }

                foreach (string shim in _shimMethods)
                {
                    methodRefNames.Add(shim);
                }

                if (_shimMethods.Count > 0)
                {
                    _adjustments.Add($"host shim calls become {_shimMethods.Count} MethodRef(s): {string.Join(", ", _shimMethods.OrderBy(s => s, StringComparer.Ordinal))}");
                }

                (int boxedBytes, List<string> boxed) = BoxedStatics();
                var counts = new MetadataCounts(assemblies.Count, typeRefNames.Count, fieldRefNames.Count, methodRefNames.Count,
                    _kept.Count, fieldDefs, methodDefs, staticFields);
                string name = _md.IsAssembly ? _md.GetString(_md.GetAssemblyDefinition().Name) : "module";
                return new AssemblyLoadEstimate(name, counts, boxedBytes, boxed, assemblies.ToList(), typeRefNames.ToList(),
                    fieldRefNames.ToList(), methodRefNames.ToList(), _adjustments);
            }

            private void SelectTypes()
            {
                var excluded = new HashSet<TypeDefinitionHandle>();
                foreach (TypeDefinitionHandle handle in _md.TypeDefinitions)
                {
                    TypeDefinition type = _md.GetTypeDefinition(handle);
                    string ns = _md.GetString(type.Namespace);
                    string name = _md.GetString(type.Name);
                    if (name == "<Module>" && ns.Length == 0)
                    {
                        excluded.Add(handle);
                    }
                    else if (Shims.Any(s => s.Namespace == ns && s.Name == name) && type.GetDeclaringType().IsNil)
                    {
                        excluded.Add(handle);
                        _adjustments.Add($"host shim type {ns}.{name} not counted (the device build uses the real one)");
                    }
                    else if ((ns == "Microsoft.CodeAnalysis" && name == "EmbeddedAttribute") || HasAttribute(type.GetCustomAttributes(), "Microsoft.CodeAnalysis.EmbeddedAttribute"))
                    {
                        excluded.Add(handle);
                        _adjustments.Add($"compiler-embedded attribute type {ns}.{name} not counted");
                    }
                }

                foreach (TypeDefinitionHandle handle in _md.TypeDefinitions)
                {
                    if (!IsExcluded(handle, excluded))
                    {
                        _kept.Add(handle);
                    }
                }
            }

            private bool IsExcluded(TypeDefinitionHandle handle, HashSet<TypeDefinitionHandle> excluded)
            {
                for (TypeDefinitionHandle h = handle; !h.IsNil; h = _md.GetTypeDefinition(h).GetDeclaringType())
                {
                    if (excluded.Contains(h))
                    {
                        return true;
                    }
                }

                return false;
            }

            private void CollectType(TypeDefinition type)
            {
                AddEntity(type.BaseType);
                foreach (InterfaceImplementationHandle ih in type.GetInterfaceImplementations())
                {
                    AddEntity(_md.GetInterfaceImplementation(ih).Interface);
                }

                CollectAttributes(type.GetCustomAttributes());
            }

            private void CollectMethod(MethodDefinition method)
            {
                method.DecodeSignature(_signatures, null);
                CollectAttributes(method.GetCustomAttributes());
                if (method.RelativeVirtualAddress == 0)
                {
                    return;
                }

                MethodBodyBlock body = _pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    StandaloneSignature locals = _md.GetStandaloneSignature(body.LocalSignature);
                    locals.DecodeLocalSignature(_signatures, null);
                }

                foreach (ExceptionRegion region in body.ExceptionRegions)
                {
                    if (region.Kind == ExceptionRegionKind.Catch)
                    {
                        AddEntity(region.CatchType);
                    }
                }

                byte[] il = body.GetILBytes();
                foreach (IlInstruction instruction in IlDecoder.Decode(il))
                {
                    if (TokenOperands.Contains(instruction.OpCode.OperandType))
                    {
                        AddEntity(MetadataTokens.EntityHandle(instruction.Token));
                    }
                }
            }

            private void CollectAttributes(CustomAttributeHandleCollection attributes)
            {
                foreach (CustomAttributeHandle handle in attributes)
                {
                    CustomAttribute attribute = _md.GetCustomAttribute(handle);
                    string type = AttributeTypeName(attribute);
                    if (IgnoredAttributes.Contains(type))
                    {
                        _ignoredAttributes++;
                        continue;
                    }

                    if (attribute.Constructor.Kind == HandleKind.MethodDefinition)
                    {
                        TypeDefinitionHandle owner = _md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
                        if (!_kept.Contains(owner))
                        {
                            _ignoredAttributes++;
                            continue;
                        }
                    }

                    AddEntity(attribute.Constructor);
                }
            }

            private void AddEntity(EntityHandle handle)
            {
                if (handle.IsNil)
                {
                    return;
                }

                switch (handle.Kind)
                {
                    case HandleKind.TypeReference:
                        _typeRefs.Add((TypeReferenceHandle)handle);
                        break;
                    case HandleKind.MemberReference:
                        _memberRefs.Add((MemberReferenceHandle)handle);
                        break;
                    case HandleKind.MethodDefinition:
                        TypeDefinitionHandle owner = _md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType();
                        if (!_kept.Contains(owner))
                        {
                            NoteShimUse(owner, _md.GetMethodDefinition((MethodDefinitionHandle)handle));
                        }

                        break;
                }
            }

            private void NoteShimUse(TypeDefinitionHandle owner, MethodDefinition method)
            {
                TypeDefinition type = _md.GetTypeDefinition(owner);
                string ns = _md.GetString(type.Namespace);
                string name = _md.GetString(type.Name);
                if (!Shims.Any(s => s.Namespace == ns && s.Name == name))
                {
                    return;
                }

                _shimTypes.Add(ns + "." + name);
                _shimMethods.Add($"{ns}.{name}::{_md.GetString(method.Name)} {BitConverter.ToString(_md.GetBlobBytes(method.Signature))}");
            }

            private void CloseOverMemberRefs()
            {
                foreach (MemberReferenceHandle handle in _memberRefs.ToList())
                {
                    MemberReference member = _md.GetMemberReference(handle);
                    AddEntity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Field)
                    {
                        member.DecodeFieldSignature(_signatures, null);
                    }
                    else
                    {
                        member.DecodeMethodSignature(_signatures, null);
                    }
                }
            }

            private void CloseOverNestedTypeRefs()
            {
                foreach (TypeReferenceHandle handle in _typeRefs.ToList())
                {
                    for (EntityHandle scope = _md.GetTypeReference(handle).ResolutionScope;
                         scope.Kind == HandleKind.TypeReference;
                         scope = _md.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope)
                    {
                        _typeRefs.Add((TypeReferenceHandle)scope);
                    }
                }
            }

            private (string Assembly, string Name) DeviceIdentity(TypeReferenceHandle handle)
            {
                TypeReference reference = _md.GetTypeReference(handle);
                string name = _md.GetString(reference.Name);
                if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
                {
                    (string assembly, string outer) = DeviceIdentity((TypeReferenceHandle)reference.ResolutionScope);
                    return (assembly, outer + "/" + name);
                }

                string ns = _md.GetString(reference.Namespace);
                string full = ns.Length == 0 ? name : ns + "." + name;
                if (reference.ResolutionScope.Kind != HandleKind.AssemblyReference)
                {
                    return (DeviceAssemblyMap.CoreLibrary, full);
                }

                string host = _md.GetString(_md.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name);
                return (DeviceAssemblyMap.IsPlatformReference(host) ? DeviceAssemblyMap.For(ns, name) : host, full);
            }

            private string ParentName(EntityHandle parent)
            {
                switch (parent.Kind)
                {
                    case HandleKind.TypeReference:
                        (string assembly, string name) = DeviceIdentity((TypeReferenceHandle)parent);
                        return $"[{assembly}]{name}";
                    case HandleKind.TypeDefinition:
                        return _md.GetString(_md.GetTypeDefinition((TypeDefinitionHandle)parent).Name);
                    default:
                        return parent.Kind.ToString();
                }
            }

            private string AttributeTypeName(CustomAttribute attribute)
            {
                EntityHandle type;
                if (attribute.Constructor.Kind == HandleKind.MemberReference)
                {
                    type = _md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                }
                else
                {
                    type = _md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
                }

                if (type.Kind == HandleKind.TypeReference)
                {
                    TypeReference reference = _md.GetTypeReference((TypeReferenceHandle)type);
                    return _md.GetString(reference.Namespace) + "." + _md.GetString(reference.Name);
                }

                if (type.Kind == HandleKind.TypeDefinition)
                {
                    TypeDefinition definition = _md.GetTypeDefinition((TypeDefinitionHandle)type);
                    return _md.GetString(definition.Namespace) + "." + _md.GetString(definition.Name);
                }

                return string.Empty;
            }

            private bool HasAttribute(CustomAttributeHandleCollection attributes, string fullName) =>
                attributes.Any(h => AttributeTypeName(_md.GetCustomAttribute(h)) == fullName);

            private (int Bytes, List<string> Fields) BoxedStatics()
            {
                int bytes = 0;
                var fields = new List<string>();
                var probe = new SignatureCollector(new HashSet<TypeReferenceHandle>());
                foreach (TypeDefinitionHandle handle in _kept)
                {
                    TypeDefinition type = _md.GetTypeDefinition(handle);
                    foreach (FieldDefinitionHandle fh in type.GetFields())
                    {
                        FieldDefinition field = _md.GetFieldDefinition(fh);
                        if ((field.Attributes & (FieldAttributes.Static | FieldAttributes.Literal)) != FieldAttributes.Static)
                        {
                            continue;
                        }

                        SigType sig = field.DecodeSignature(probe, null);
                        int? structFields = StructFieldCount(sig);
                        if (structFields.HasValue)
                        {
                            int size = NanoClr.Object(structFields.Value);
                            bytes += size;
                            fields.Add($"{_md.GetString(type.Name)}.{_md.GetString(field.Name)}: {sig.Name} boxed at load, {size} B");
                        }
                    }
                }

                return (bytes, fields);
            }

            // A static of a user struct type (or Guid) is boxed at load; enums, DateTime and TimeSpan are not.
            private int? StructFieldCount(SigType sig)
            {
                if (!sig.IsValueType)
                {
                    return null;
                }

                if (!sig.Definition.IsNil)
                {
                    TypeDefinition definition = _md.GetTypeDefinition(sig.Definition);
                    if (IsEnum(definition.BaseType))
                    {
                        return null;
                    }

                    return definition.GetFields().Count(f =>
                        (_md.GetFieldDefinition(f).Attributes & (FieldAttributes.Static | FieldAttributes.Literal)) == 0);
                }

                if (sig.Name == "System.DateTime" || sig.Name == "System.TimeSpan")
                {
                    return null;
                }

                Type external = AppDomain.CurrentDomain.GetAssemblies()
                    .Select(a => a.GetType(sig.Name, false))
                    .FirstOrDefault(t => t != null);
                return external != null && NanoTypes.IsStruct(external) ? NanoTypes.FieldCount(external) : (int?)null;
            }

            private bool IsEnum(EntityHandle baseType)
            {
                if (baseType.Kind != HandleKind.TypeReference)
                {
                    return false;
                }

                TypeReference reference = _md.GetTypeReference((TypeReferenceHandle)baseType);
                return _md.GetString(reference.Namespace) == "System" && _md.GetString(reference.Name) == "Enum";
            }
        }

        /// <summary>A decoded signature type: enough to tell value types and find their definition.</summary>
        internal sealed class SigType
        {
            public static readonly SigType Other = new SigType(string.Empty, false, default);

            public SigType(string name, bool isValueType, TypeDefinitionHandle definition)
            {
                Name = name;
                IsValueType = isValueType;
                Definition = definition;
            }

            public string Name { get; }

            public bool IsValueType { get; }

            public TypeDefinitionHandle Definition { get; }
        }

        /// <summary>Decodes signatures, recording every TypeRef they mention.</summary>
        internal sealed class SignatureCollector : ISignatureTypeProvider<SigType, object>
        {
            private readonly HashSet<TypeReferenceHandle> _typeRefs;

            public SignatureCollector(HashSet<TypeReferenceHandle> typeRefs)
            {
                _typeRefs = typeRefs;
            }

            public SigType GetPrimitiveType(PrimitiveTypeCode typeCode) => new SigType("System." + typeCode, false, default);

            public SigType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            {
                TypeDefinition definition = reader.GetTypeDefinition(handle);
                string ns = reader.GetString(definition.Namespace);
                string name = reader.GetString(definition.Name);
                return new SigType(ns.Length == 0 ? name : ns + "." + name, rawTypeKind == (byte)SignatureTypeKind.ValueType, handle);
            }

            public SigType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                _typeRefs.Add(handle);
                TypeReference reference = reader.GetTypeReference(handle);
                string ns = reader.GetString(reference.Namespace);
                string name = reader.GetString(reference.Name);
                return new SigType(ns.Length == 0 ? name : ns + "." + name, rawTypeKind == (byte)SignatureTypeKind.ValueType, default);
            }

            public SigType GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

            public SigType GetSZArrayType(SigType elementType) => SigType.Other;

            public SigType GetArrayType(SigType elementType, ArrayShape shape) => SigType.Other;

            public SigType GetByReferenceType(SigType elementType) => SigType.Other;

            public SigType GetPointerType(SigType elementType) => SigType.Other;

            public SigType GetPinnedType(SigType elementType) => elementType;

            public SigType GetModifiedType(SigType modifier, SigType unmodifiedType, bool isRequired) => unmodifiedType;

            public SigType GetGenericInstantiation(SigType genericType, ImmutableArray<SigType> typeArguments) => SigType.Other;

            public SigType GetGenericTypeParameter(object genericContext, int index) => SigType.Other;

            public SigType GetGenericMethodParameter(object genericContext, int index) => SigType.Other;

            public SigType GetFunctionPointerType(MethodSignature<SigType> signature) => SigType.Other;
        }
    }
}
