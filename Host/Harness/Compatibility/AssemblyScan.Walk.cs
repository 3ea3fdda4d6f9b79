using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Harness.Compatibility
{
    /// <summary>
    /// Walks one device assembly and hands every type and member it references to the judge (the other half of this
    /// class): base types, interfaces, generic constraints, field/method/property/event signatures, locals, catch
    /// types, every IL token, custom attributes with their named arguments, and method impls. Whatever the metadata
    /// tables hold that no walk reached is judged too, so nothing is missed.
    /// The host shims (types in the assembly that stand in for a listed nanoFramework type, e.g. System.Threading.Thread)
    /// are host code: their bodies are not judged, but every use of their members from device code is.
    /// </summary>
    internal sealed partial class AssemblyScan : ITypeUseObserver
    {
        private readonly PEReader _pe;
        private readonly MetadataReader _md;
        private readonly DocIdTypeProvider _provider;
        private readonly DocIdTypeProvider _silent;
        private readonly HashSet<TypeDefinitionHandle> _shims = new HashSet<TypeDefinitionHandle>();
        private readonly IReadOnlyCollection<string> _hostReplacements;
        private readonly HashSet<MethodDefinitionHandle> _fieldLikeEventAccessors = new HashSet<MethodDefinitionHandle>();
        private readonly HashSet<EntityHandle> _reached = new HashSet<EntityHandle>();
        private readonly HashSet<EntityHandle> _reachedFromShims = new HashSet<EntityHandle>();

        private string _site;
        private bool _inShim;
        private bool _inAttribute;
        private bool _inEventAccessor;
        private bool _inSpanConcat;

        private void Walk()
        {
            FindShimsAndEventAccessors();

            _site = "assembly attributes";
            Attributes(_md.GetAssemblyDefinition().GetCustomAttributes());
            _site = "module attributes";
            Attributes(_md.GetModuleDefinition().GetCustomAttributes());

            foreach (TypeDefinitionHandle type in _md.TypeDefinitions)
            {
                _inShim = IsShim(type) || IsHostReplacement(type);
                WalkType(type);
            }

            _inShim = false;
            WalkUnreached();
        }

        private void WalkType(TypeDefinitionHandle handle)
        {
            TypeDefinition type = _md.GetTypeDefinition(handle);
            _site = DocIds.TypeName(_md, handle);
            if (type.GetGenericParameters().Count > 0)
            {
                GenericDefinition("T:" + _site);
            }

            Attributes(type.GetCustomAttributes());
            GenericParameters(type.GetGenericParameters());
            Type(type.BaseType);
            foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
            {
                Type(_md.GetInterfaceImplementation(implementation).Interface);
                Attributes(_md.GetInterfaceImplementation(implementation).GetCustomAttributes());
            }

            string typeSite = _site;
            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = _md.GetFieldDefinition(fieldHandle);
                _site = typeSite + "." + _md.GetString(field.Name);
                field.DecodeSignature(_provider, null);
                Attributes(field.GetCustomAttributes());
            }

            foreach (MethodDefinitionHandle method in type.GetMethods())
            {
                WalkMethod(method);
            }

            foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
            {
                PropertyDefinition property = _md.GetPropertyDefinition(propertyHandle);
                _site = typeSite + "." + _md.GetString(property.Name);
                property.DecodeSignature(_provider, null);
                Attributes(property.GetCustomAttributes());
            }

            foreach (EventDefinitionHandle eventHandle in type.GetEvents())
            {
                EventDefinition @event = _md.GetEventDefinition(eventHandle);
                _site = typeSite + "." + _md.GetString(@event.Name);
                Type(@event.Type);
                Attributes(@event.GetCustomAttributes());
            }

            _site = typeSite;
            foreach (MethodImplementationHandle implHandle in type.GetMethodImplementations())
            {
                MethodImplementation impl = _md.GetMethodImplementation(implHandle);
                Member(impl.MethodBody);
                Member(impl.MethodDeclaration);
            }
        }

        private void WalkMethod(MethodDefinitionHandle handle)
        {
            MethodDefinition method = _md.GetMethodDefinition(handle);
            string docId = MemberDocId(handle);
            _site = docId.Substring(2);
            if (method.GetGenericParameters().Count > 0)
            {
                GenericDefinition(docId);
            }

            method.DecodeSignature(_provider, null);
            Attributes(method.GetCustomAttributes());
            GenericParameters(method.GetGenericParameters());
            foreach (ParameterHandle parameter in method.GetParameters())
            {
                Attributes(_md.GetParameter(parameter).GetCustomAttributes());
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            MethodBodyBlock body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            List<EntityHandle> tokens = IlTokens.Read(body.GetILReader());
            _inEventAccessor = _fieldLikeEventAccessors.Contains(handle);
            _inSpanConcat = tokens.Any(t => t.Kind == HandleKind.MemberReference
                && MemberDocId(t).StartsWith("M:System.String.Concat(System.ReadOnlySpan{System.Char}", StringComparison.Ordinal));
            if (!body.LocalSignature.IsNil)
            {
                _reached.Add(body.LocalSignature);
                _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_provider, null);
            }

            foreach (ExceptionRegion region in body.ExceptionRegions)
            {
                Type(region.CatchType);
            }

            foreach (EntityHandle token in tokens)
            {
                Token(token);
            }

            _inEventAccessor = false;
            _inSpanConcat = false;
        }

        private void Token(EntityHandle token)
        {
            switch (token.Kind)
            {
                case HandleKind.TypeDefinition:
                case HandleKind.TypeReference:
                case HandleKind.TypeSpecification:
                    Type(token);
                    break;
                case HandleKind.StandaloneSignature: // calli
                    _md.GetStandaloneSignature((StandaloneSignatureHandle)token).DecodeMethodSignature(_provider, null);
                    break;
                default:
                    Member(token);
                    break;
            }
        }

        private void GenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (GenericParameterHandle parameterHandle in parameters)
            {
                GenericParameter parameter = _md.GetGenericParameter(parameterHandle);
                Attributes(parameter.GetCustomAttributes());
                foreach (GenericParameterConstraintHandle constraint in parameter.GetConstraints())
                {
                    Type(_md.GetGenericParameterConstraint(constraint).Type);
                }
            }
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            bool outer = _inAttribute;
            _inAttribute = true;
            foreach (CustomAttributeHandle handle in attributes)
            {
                CustomAttribute attribute = _md.GetCustomAttribute(handle);
                Member(attribute.Constructor);
                NamedArguments(attribute);
            }

            _inAttribute = outer;
        }

        /// <summary>Type references (typeof) in the blob, and named property/field arguments of the attribute type.</summary>
        private void NamedArguments(CustomAttribute attribute)
        {
            CustomAttributeValue<string> value;
            try
            {
                value = attribute.DecodeValue(_provider);
            }
            catch (Exception ex) when (ex is BadImageFormatException || ex is ArgumentOutOfRangeException || ex is InvalidOperationException)
            {
                UndecodableAttribute(MemberDocId(attribute.Constructor), ex.Message);
                return;
            }

            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                return; // an attribute defined in this assembly: its properties are its own
            }

            EntityHandle attributeType = _md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            string typeName = DocIds.TypeName(_md, attributeType);
            foreach (CustomAttributeNamedArgument<string> argument in value.NamedArguments)
            {
                string docId = argument.Kind == CustomAttributeNamedArgumentKind.Property
                    ? DocIds.Property(typeName, argument.Name, Enumerable.Empty<string>())
                    : DocIds.Field(typeName, argument.Name);
                Judge(docId, null, Origin(attributeType), DocIds.OuterNamespace(_md, attributeType));
            }
        }

        // ----- types and members -----

        private void Type(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            Reach(handle);

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    if (IsShim((TypeDefinitionHandle)handle))
                    {
                        Judge("T:" + DocIds.TypeName(_md, handle), null, ShimOrigin, string.Empty);
                    }

                    break;
                case HandleKind.TypeReference:
                    Judge("T:" + DocIds.TypeName(_md, handle), null, Origin(handle), DocIds.OuterNamespace(_md, handle));
                    break;
                case HandleKind.TypeSpecification:
                    _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_provider, null);
                    break;
            }
        }

        private void Member(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            Reach(handle);

            switch (handle.Kind)
            {
                case HandleKind.MethodDefinition:
                case HandleKind.FieldDefinition:
                    TypeDefinitionHandle owner = handle.Kind == HandleKind.MethodDefinition
                        ? _md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()
                        : _md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType();
                    if (IsShim(owner))
                    {
                        Judge(MemberDocId(handle), AccessorDocId(handle), ShimOrigin, string.Empty);
                    }

                    break;

                case HandleKind.MemberReference:
                    MemberReference reference = _md.GetMemberReference((MemberReferenceHandle)handle);
                    Type(reference.Parent);
                    if (reference.GetKind() == MemberReferenceKind.Method)
                    {
                        reference.DecodeMethodSignature(_provider, null);
                    }
                    else
                    {
                        reference.DecodeFieldSignature(_provider, null);
                    }

                    EntityHandle named = NamedParent(reference.Parent);
                    if (named.Kind == HandleKind.TypeReference || (named.Kind == HandleKind.TypeDefinition && IsShim((TypeDefinitionHandle)named)))
                    {
                        string origin = named.Kind == HandleKind.TypeReference ? Origin(named) : ShimOrigin;
                        Judge(MemberDocId(handle), AccessorDocId(handle), origin, DocIds.OuterNamespace(_md, named));
                    }
                    else if (named.IsNil)
                    {
                        Judge(MemberDocId(handle), null, "(array or global)", string.Empty);
                    }

                    break;

                case HandleKind.MethodSpecification:
                    MethodSpecification spec = _md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Member(spec.Method);
                    ImmutableArray<string> arguments = spec.DecodeSignature(_provider, null);
                    string method = MemberDocId(spec.Method);
                    GenericMethodInstance(method, method + "{" + string.Join(",", arguments) + "}", Origin(NamedParentOf(spec.Method)));
                    break;
            }
        }

        // ITypeUseObserver: what signature decoding runs into.
        void ITypeUseObserver.OnType(EntityHandle type) => Type(type);

        void ITypeUseObserver.OnGenericInstance(string instance, string genericType) => GenericTypeInstance(instance, "T:" + genericType);

        void ITypeUseObserver.OnUnsupported(string what) => Unsupported(what);

        void ITypeUseObserver.OnSerializedType(string typeName)
        {
            if (!_md.TypeDefinitions.Any(t => DocIds.TypeName(_md, t) == typeName))
            {
                Judge("T:" + typeName, null, "(typeof in an attribute)", typeName.Contains('.') ? typeName.Substring(0, typeName.LastIndexOf('.')) : string.Empty);
            }
        }

        /// <summary>Whatever the TypeRef, MemberRef, TypeSpec and MethodSpec tables hold that no walk reached.</summary>
        private void WalkUnreached()
        {
            _site = "metadata tables (no use found)";
            foreach (TypeReferenceHandle type in _md.TypeReferences)
            {
                Unreached(type);
            }

            foreach (MemberReferenceHandle member in _md.MemberReferences)
            {
                Unreached(member);
            }

            for (int row = 1; row <= _md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                Unreached(MetadataTokens.TypeSpecificationHandle(row));
            }

            for (int row = 1; row <= _md.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                Unreached(MetadataTokens.MethodSpecificationHandle(row));
            }
        }

        private void Unreached(EntityHandle handle)
        {
            if (_reached.Contains(handle) || _reachedFromShims.Contains(handle))
            {
                return;
            }

            if (handle.Kind == HandleKind.MemberReference || handle.Kind == HandleKind.MethodSpecification)
            {
                Member(handle);
            }
            else
            {
                Type(handle);
            }
        }

        private void Reach(EntityHandle handle) => (_inShim ? _reachedFromShims : _reached).Add(handle);

        // ----- naming -----

        /// <summary>The TypeDef/TypeRef a member parent names (for a generic instantiation, its definition); nil for arrays.</summary>
        private EntityHandle NamedParent(EntityHandle parent)
        {
            if (parent.Kind != HandleKind.TypeSpecification)
            {
                return parent.Kind == HandleKind.TypeReference || parent.Kind == HandleKind.TypeDefinition ? parent : default;
            }

            BlobReader blob = _md.GetBlobReader(_md.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
            {
                return default;
            }

            blob.ReadSignatureTypeCode();
            return blob.ReadTypeHandle();
        }

        private EntityHandle NamedParentOf(EntityHandle method) =>
            method.Kind == HandleKind.MemberReference
                ? NamedParent(_md.GetMemberReference((MemberReferenceHandle)method).Parent)
                : method.Kind == HandleKind.MethodDefinition
                    ? _md.GetMethodDefinition((MethodDefinitionHandle)method).GetDeclaringType()
                    : default;

        private string ParentName(EntityHandle parent)
        {
            EntityHandle named = NamedParent(parent);
            if (!named.IsNil)
            {
                return DocIds.TypeName(_md, named);
            }

            return parent.Kind == HandleKind.TypeSpecification
                ? _md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(_silent, null)
                : "?";
        }

        /// <summary>Doc ID of a MethodDef, FieldDef or MemberRef (signature decoded without reporting its types).</summary>
        private string MemberDocId(EntityHandle member)
        {
            switch (member.Kind)
            {
                case HandleKind.MethodDefinition:
                    MethodDefinition method = _md.GetMethodDefinition((MethodDefinitionHandle)member);
                    return DocIds.Method(DocIds.TypeName(_md, method.GetDeclaringType()), _md.GetString(method.Name), method.DecodeSignature(_silent, null));
                case HandleKind.FieldDefinition:
                    FieldDefinition field = _md.GetFieldDefinition((FieldDefinitionHandle)member);
                    return DocIds.Field(DocIds.TypeName(_md, field.GetDeclaringType()), _md.GetString(field.Name));
                case HandleKind.MemberReference:
                    MemberReference reference = _md.GetMemberReference((MemberReferenceHandle)member);
                    string typeName = ParentName(reference.Parent);
                    string name = _md.GetString(reference.Name);
                    return reference.GetKind() == MemberReferenceKind.Method
                        ? DocIds.Method(typeName, name, reference.DecodeMethodSignature(_silent, null))
                        : DocIds.Field(typeName, name);
                default:
                    return member.Kind.ToString();
            }
        }

        /// <summary>The P:/E: doc ID of an accessor method, or null.</summary>
        private string AccessorDocId(EntityHandle member)
        {
            switch (member.Kind)
            {
                case HandleKind.MethodDefinition:
                    MethodDefinition method = _md.GetMethodDefinition((MethodDefinitionHandle)member);
                    return DocIds.AccessorOwner(DocIds.TypeName(_md, method.GetDeclaringType()), _md.GetString(method.Name),
                        method.DecodeSignature(_silent, null).ParameterTypes);
                case HandleKind.MemberReference:
                    MemberReference reference = _md.GetMemberReference((MemberReferenceHandle)member);
                    return reference.GetKind() == MemberReferenceKind.Method
                        ? DocIds.AccessorOwner(ParentName(reference.Parent), _md.GetString(reference.Name),
                            reference.DecodeMethodSignature(_silent, null).ParameterTypes)
                        : null;
                default:
                    return null;
            }
        }

        /// <summary>The assembly a TypeRef resolves to on the host.</summary>
        private string Origin(EntityHandle type)
        {
            if (type.Kind == HandleKind.TypeDefinition)
            {
                return IsShim((TypeDefinitionHandle)type) ? ShimOrigin : _assembly;
            }

            if (type.Kind != HandleKind.TypeReference)
            {
                return "?";
            }

            EntityHandle scope = _md.GetTypeReference((TypeReferenceHandle)type).ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference)
            {
                scope = _md.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
            }

            return scope.Kind == HandleKind.AssemblyReference
                ? _md.GetString(_md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
                : _assembly;
        }

        private const string ShimOrigin = "a host shim";

        private bool IsShim(TypeDefinitionHandle type) => _shims.Contains(type);

        /// <summary>A type the host build compiles from a host file in place of an excluded device file (and its nested types).</summary>
        private bool IsHostReplacement(TypeDefinitionHandle type)
        {
            while (_md.GetTypeDefinition(type).IsNested)
            {
                type = _md.GetTypeDefinition(type).GetDeclaringType();
            }

            return _hostReplacements.Contains(DocIds.TypeName(_md, type));
        }

        /// <summary>
        /// Shims: types this assembly defines under the name of a type some listing declares (Host/Device/Shims), and
        /// the types nested in them. Field-like event accessors: compiler-generated add_/remove_ of an event.
        /// </summary>
        private void FindShimsAndEventAccessors()
        {
            foreach (TypeDefinitionHandle handle in _md.TypeDefinitions)
            {
                TypeDefinition type = _md.GetTypeDefinition(handle);
                TypeDefinitionHandle outer = handle;
                while (_md.GetTypeDefinition(outer).IsNested)
                {
                    outer = _md.GetTypeDefinition(outer).GetDeclaringType();
                }

                if (_listings.DeclaresType(DocIds.TypeName(_md, outer)))
                {
                    _shims.Add(handle);
                }

                foreach (EventDefinitionHandle eventHandle in type.GetEvents())
                {
                    EventAccessors accessors = _md.GetEventDefinition(eventHandle).GetAccessors();
                    foreach (MethodDefinitionHandle accessor in new[] { accessors.Adder, accessors.Remover })
                    {
                        if (!accessor.IsNil && IsCompilerGenerated(_md.GetMethodDefinition(accessor).GetCustomAttributes()))
                        {
                            _fieldLikeEventAccessors.Add(accessor);
                        }
                    }
                }
            }
        }

        private bool IsCompilerGenerated(CustomAttributeHandleCollection attributes) =>
            attributes.Select(a => _md.GetCustomAttribute(a).Constructor)
                .Where(c => c.Kind == HandleKind.MemberReference)
                .Any(c => DocIds.TypeName(_md, _md.GetMemberReference((MemberReferenceHandle)c).Parent)
                    == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");
    }
}
