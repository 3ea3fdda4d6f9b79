using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Harness.Compatibility
{
    /// <summary>
    /// The public and protected API of an assembly in doc-ID form, as the listings spell it (properties and events as
    /// P:/E:, not their accessors), so a stand-in can be compared with the listings it imitates.
    /// </summary>
    public static class PublicSurface
    {
        public static IReadOnlyList<string> Of(string assemblyPath, Func<string, bool> includeNamespace)
        {
            using FileStream stream = File.OpenRead(assemblyPath);
            return Of(stream, includeNamespace);
        }

        public static IReadOnlyList<string> Of(Stream assembly, Func<string, bool> includeNamespace)
        {
            using var pe = new PEReader(assembly, PEStreamOptions.LeaveOpen);
            MetadataReader md = pe.GetMetadataReader();
            var provider = new DocIdTypeProvider(md, null);
            var ids = new SortedSet<string>(StringComparer.Ordinal);

            foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(handle);
                if (!IsVisible(md, type) || !includeNamespace(DocIds.OuterNamespace(md, handle)))
                {
                    continue;
                }

                string typeName = DocIds.TypeName(md, handle);
                ids.Add("T:" + typeName);
                var accessors = new HashSet<MethodDefinitionHandle>();

                foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
                {
                    PropertyDefinition property = md.GetPropertyDefinition(propertyHandle);
                    PropertyAccessors pair = property.GetAccessors();
                    accessors.Add(pair.Getter);
                    accessors.Add(pair.Setter);
                    if (IsVisible(md, pair.Getter) || IsVisible(md, pair.Setter))
                    {
                        ids.Add(DocIds.Property(typeName, md.GetString(property.Name), property.DecodeSignature(provider, null).ParameterTypes));
                    }
                }

                foreach (EventDefinitionHandle eventHandle in type.GetEvents())
                {
                    EventDefinition @event = md.GetEventDefinition(eventHandle);
                    EventAccessors pair = @event.GetAccessors();
                    accessors.Add(pair.Adder);
                    accessors.Add(pair.Remover);
                    if (IsVisible(md, pair.Adder) || IsVisible(md, pair.Remover))
                    {
                        ids.Add(DocIds.Event(typeName, md.GetString(@event.Name)));
                    }
                }

                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(methodHandle);
                    if (!accessors.Contains(methodHandle) && IsVisible(md, methodHandle))
                    {
                        ids.Add(DocIds.Method(typeName, md.GetString(method.Name), method.DecodeSignature(provider, null)));
                    }
                }

                foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
                {
                    FieldDefinition field = md.GetFieldDefinition(fieldHandle);
                    FieldAttributes access = field.Attributes & FieldAttributes.FieldAccessMask;
                    if ((access == FieldAttributes.Public || access == FieldAttributes.Family || access == FieldAttributes.FamORAssem)
                        && (field.Attributes & FieldAttributes.SpecialName) == 0)
                    {
                        ids.Add(DocIds.Field(typeName, md.GetString(field.Name)));
                    }
                }
            }

            return ids.ToList();
        }

        private static bool IsVisible(MetadataReader md, TypeDefinition type)
        {
            TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (!type.IsNested)
            {
                return visibility == TypeAttributes.Public;
            }

            return (visibility == TypeAttributes.NestedPublic || visibility == TypeAttributes.NestedFamily || visibility == TypeAttributes.NestedFamORAssem)
                && IsVisible(md, md.GetTypeDefinition(type.GetDeclaringType()));
        }

        private static bool IsVisible(MetadataReader md, MethodDefinitionHandle handle)
        {
            if (handle.IsNil)
            {
                return false;
            }

            MethodAttributes access = md.GetMethodDefinition(handle).Attributes & MethodAttributes.MemberAccessMask;
            return access == MethodAttributes.Public || access == MethodAttributes.Family || access == MethodAttributes.FamORAssem;
        }
    }
}
