using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;

namespace Harness.Compatibility
{
    /// <summary>
    /// ECMA-335 documentation IDs, spelled as the nanoFramework API listings spell them: nested types joined with '.',
    /// generic arity as <c>`n</c> (methods <c>``n</c>), instantiations as <c>Name{A,B}</c>, by-ref <c>@</c>, arrays <c>[]</c>,
    /// constructors <c>#ctor</c>, and <c>~ReturnType</c> after op_Implicit/op_Explicit.
    /// </summary>
    internal static class DocIds
    {
        private static readonly Regex Arity = new Regex("`(\\d+)$", RegexOptions.Compiled);

        /// <summary>Full name of a TypeDef or TypeRef, e.g. <c>System.Diagnostics.DebuggableAttribute.DebuggingModes</c>.</summary>
        public static string TypeName(MetadataReader md, EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    TypeDefinition def = md.GetTypeDefinition((TypeDefinitionHandle)handle);
                    string defName = md.GetString(def.Name);
                    if (def.IsNested)
                    {
                        return TypeName(md, def.GetDeclaringType()) + "." + defName;
                    }

                    return Qualify(md.GetString(def.Namespace), defName);

                case HandleKind.TypeReference:
                    TypeReference reference = md.GetTypeReference((TypeReferenceHandle)handle);
                    string refName = md.GetString(reference.Name);
                    if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
                    {
                        return TypeName(md, reference.ResolutionScope) + "." + refName;
                    }

                    return Qualify(md.GetString(reference.Namespace), refName);

                default:
                    return "?";
            }
        }

        /// <summary>Namespace of the outermost type of a TypeDef or TypeRef.</summary>
        public static string OuterNamespace(MetadataReader md, EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    TypeDefinition def = md.GetTypeDefinition((TypeDefinitionHandle)handle);
                    return def.IsNested ? OuterNamespace(md, def.GetDeclaringType()) : md.GetString(def.Namespace);
                case HandleKind.TypeReference:
                    TypeReference reference = md.GetTypeReference((TypeReferenceHandle)handle);
                    return reference.ResolutionScope.Kind == HandleKind.TypeReference
                        ? OuterNamespace(md, reference.ResolutionScope)
                        : md.GetString(reference.Namespace);
                default:
                    return string.Empty;
            }
        }

        /// <summary><c>List`1</c> with (System.Int32) → <c>List{System.Int32}</c>; arguments go to the segments that declare them.</summary>
        public static string Instantiate(string genericTypeName, IReadOnlyList<string> arguments)
        {
            string[] segments = genericTypeName.Split('.');
            int next = 0;
            for (int i = 0; i < segments.Length; i++)
            {
                Match arity = Arity.Match(segments[i]);
                if (!arity.Success)
                {
                    continue;
                }

                int count = int.Parse(arity.Groups[1].Value);
                IEnumerable<string> mine = arguments.Skip(next).Take(count);
                next += count;
                segments[i] = segments[i].Substring(0, arity.Index) + "{" + string.Join(",", mine) + "}";
            }

            return string.Join(".", segments);
        }

        public static string Method(string typeName, string name, MethodSignature<string> signature)
        {
            var id = new StringBuilder("M:").Append(typeName).Append('.').Append(MemberName(name));
            if (signature.GenericParameterCount > 0)
            {
                id.Append("``").Append(signature.GenericParameterCount);
            }

            id.Append(Parameters(signature.ParameterTypes.Take(signature.RequiredParameterCount)));
            if (name == "op_Implicit" || name == "op_Explicit")
            {
                id.Append('~').Append(signature.ReturnType);
            }

            return id.ToString();
        }

        public static string Field(string typeName, string name) => "F:" + typeName + "." + MemberName(name);

        public static string Property(string typeName, string name, IEnumerable<string> indexParameters) =>
            "P:" + typeName + "." + MemberName(name) + Parameters(indexParameters);

        public static string Event(string typeName, string name) => "E:" + typeName + "." + MemberName(name);

        /// <summary>
        /// The P:/E: form of a property or event accessor (get_X, set_X, add_X, remove_X), or null. The listings name
        /// properties and events, not their accessor methods.
        /// </summary>
        public static string AccessorOwner(string typeName, string name, ImmutableArray<string> parameters)
        {
            if (name.StartsWith("get_"))
            {
                return Property(typeName, name.Substring(4), parameters);
            }

            if (name.StartsWith("set_") && parameters.Length > 0)
            {
                return Property(typeName, name.Substring(4), parameters.Take(parameters.Length - 1));
            }

            if (name.StartsWith("add_") && parameters.Length == 1)
            {
                return Event(typeName, name.Substring(4));
            }

            if (name.StartsWith("remove_") && parameters.Length == 1)
            {
                return Event(typeName, name.Substring(7));
            }

            return null;
        }

        /// <summary>Type part of a member doc ID: <c>M:System.String.Format(…)</c> → <c>System.String</c>.</summary>
        public static string DeclaringType(string memberDocId)
        {
            string body = memberDocId.Substring(2);
            int paren = body.IndexOf('(');
            if (paren >= 0)
            {
                body = body.Substring(0, paren);
            }

            int tilde = body.IndexOf('~');
            if (tilde >= 0)
            {
                body = body.Substring(0, tilde);
            }

            int dot = body.LastIndexOf('.');
            return dot < 0 ? body : body.Substring(0, dot);
        }

        private static string Parameters(IEnumerable<string> parameters)
        {
            string joined = string.Join(",", parameters);
            return joined.Length == 0 ? string.Empty : "(" + joined + ")";
        }

        private static string MemberName(string name) => name.Replace('.', '#').Replace('<', '{').Replace('>', '}');

        private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
    }
}
