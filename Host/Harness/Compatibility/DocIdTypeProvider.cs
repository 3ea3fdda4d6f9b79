using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace Harness.Compatibility
{
    /// <summary>What a signature decode ran into: every named type, and every generic instantiation.</summary>
    internal interface ITypeUseObserver
    {
        void OnType(EntityHandle type);

        void OnGenericInstance(string instance, string genericType);

        void OnUnsupported(string what);

        /// <summary>A type named in a custom-attribute blob (a typeof argument), as "Ns.Outer.Inner".</summary>
        void OnSerializedType(string typeName);
    }

    /// <summary>
    /// Decodes signatures (and custom-attribute blobs) into doc-ID type spellings, telling the observer about each
    /// type it meets on the way, so every type in a signature, field, local or attribute is checked.
    /// </summary>
    internal sealed class DocIdTypeProvider : ISignatureTypeProvider<string, object>, ICustomAttributeTypeProvider<string>
    {
        private readonly MetadataReader _md;
        private readonly ITypeUseObserver _observer;
        private readonly IReadOnlyDictionary<string, PrimitiveTypeCode> _ownEnums;

        public DocIdTypeProvider(MetadataReader md, ITypeUseObserver observer)
        {
            _md = md;
            _observer = observer;
            _ownEnums = OwnEnums(md);
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            _observer?.OnType(handle);
            return DocIds.TypeName(reader, handle);
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            _observer?.OnType(handle);
            return DocIds.TypeName(reader, handle);
        }

        public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            _observer?.OnUnsupported("multidimensional array " + elementType + "[" + new string(',', shape.Rank - 1) + "]");
            IEnumerable<string> dimensions = Enumerable.Range(0, shape.Rank).Select(i =>
                (i < shape.LowerBounds.Length ? shape.LowerBounds[i] : 0) + ":" + (i < shape.Sizes.Length ? shape.Sizes[i].ToString() : string.Empty));
            return elementType + "[" + string.Join(",", dimensions) + "]";
        }

        public string GetByReferenceType(string elementType) => elementType + "@";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            string instance = DocIds.Instantiate(genericType, typeArguments);
            _observer?.OnGenericInstance(instance, genericType);
            return instance;
        }

        public string GetGenericTypeParameter(object genericContext, int index) => "`" + index;

        public string GetGenericMethodParameter(object genericContext, int index) => "``" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature)
        {
            _observer?.OnUnsupported("function pointer");
            return "=FUNC:" + signature.ReturnType + "(" + string.Join(",", signature.ParameterTypes) + ")";
        }

        // Custom-attribute blobs: typeof(...) arguments arrive as serialized names.
        public string GetSystemType() => "System.Type";

        public bool IsSystemType(string type) => type == "System.Type";

        public string GetTypeFromSerializedName(string name)
        {
            // "Ns.Outer+Inner, Assembly, Version=…" → "Ns.Outer.Inner"
            int comma = name.IndexOf(',');
            string typeName = (comma < 0 ? name : name.Substring(0, comma)).Trim().Replace('+', '.');
            _observer?.OnSerializedType(typeName);
            return typeName;
        }

        /// <summary>
        /// Enums of other assemblies cannot be resolved from this one; every enum an attribute of the device API takes
        /// (AttributeTargets, DebuggingModes, DebuggerBrowsableState, EditorBrowsableState, LayoutKind,
        /// MethodImplOptions, …) is an Int32 enum, so Int32 is assumed. A wrong guess makes the decode fail, which the
        /// check reports rather than skips.
        /// </summary>
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) =>
            _ownEnums.TryGetValue(type, out PrimitiveTypeCode code) ? code : PrimitiveTypeCode.Int32;

        private static Dictionary<string, PrimitiveTypeCode> OwnEnums(MetadataReader md)
        {
            var enums = new Dictionary<string, PrimitiveTypeCode>();
            foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(handle);
                if (type.BaseType.IsNil || type.BaseType.Kind != HandleKind.TypeReference
                    || DocIds.TypeName(md, type.BaseType) != "System.Enum")
                {
                    continue;
                }

                foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
                {
                    FieldDefinition field = md.GetFieldDefinition(fieldHandle);
                    if ((field.Attributes & System.Reflection.FieldAttributes.Static) == 0)
                    {
                        BlobReader blob = md.GetBlobReader(field.Signature);
                        blob.ReadSignatureHeader();
                        enums[DocIds.TypeName(md, handle)] = (PrimitiveTypeCode)blob.ReadByte();
                        break;
                    }
                }
            }

            return enums;
        }
    }
}
