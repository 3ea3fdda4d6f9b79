using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace Harness.Il
{
    /// <summary>
    /// Holds device code to nanoCLR's floating-point semantics: on the real interpreter an ordered comparison with NaN
    /// is not reliably false (<c>NaN &gt; 0</c> is true, <c>NaN &lt;= 0</c> false, measured on a real 32-bit nanoCLR),
    /// so a range check such as <c>value &gt; 0</c> lets NaN through. The rule: a method that compares a floating-point
    /// argument with an ordered comparison (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, as <c>cgt</c>/<c>clt</c> or a
    /// conditional branch) first calls <c>double.IsNaN</c> (or <c>float.IsNaN</c>) on that argument.
    /// </summary>
    public static class NanRule
    {
        private const BindingFlags AllDeclared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        private static readonly OpCode[] OrderedComparisons =
        {
            OpCodes.Cgt, OpCodes.Cgt_Un, OpCodes.Clt, OpCodes.Clt_Un,
            OpCodes.Bgt, OpCodes.Bgt_S, OpCodes.Bgt_Un, OpCodes.Bgt_Un_S, OpCodes.Blt, OpCodes.Blt_S, OpCodes.Blt_Un, OpCodes.Blt_Un_S,
            OpCodes.Bge, OpCodes.Bge_S, OpCodes.Bge_Un, OpCodes.Bge_Un_S, OpCodes.Ble, OpCodes.Ble_S, OpCodes.Ble_Un, OpCodes.Ble_Un_S,
        };

        /// <summary>Every comparison in <paramref name="assembly"/> that breaks the rule, as "Type.Method IL_xxxx: parameter 'x' ...".</summary>
        public static IReadOnlyList<string> Check(Assembly assembly)
        {
            var findings = new List<string>();
            foreach (Type type in assembly.GetTypes())
            {
                foreach (MethodBase method in type.GetMethods(AllDeclared).Cast<MethodBase>().Concat(type.GetConstructors(AllDeclared)))
                {
                    findings.AddRange(Check(method));
                }
            }

            return findings;
        }

        /// <summary>The comparisons of one method that break the rule.</summary>
        public static IEnumerable<string> Check(MethodBase method)
        {
            MethodBody body = method.GetMethodBody();
            if (body == null)
            {
                yield break;
            }

            IReadOnlyList<IlInstruction> code = IlDecoder.Decode(body.GetILAsByteArray());
            var flow = new ControlFlow(code, body.ExceptionHandlingClauses, _ => false);
            var stack = new StackModel(method, code, flow);
            var checkedArguments = new HashSet<int>();
            for (int i = 0; i < code.Count; i++)
            {
                OpCode op = code[i].OpCode;
                if ((op == OpCodes.Call || op == OpCodes.Callvirt) && IsNaNCheck(stack.Target(i)))
                {
                    int argument = Argument(code, stack.Producer(i, 0));
                    if (argument >= 0)
                    {
                        checkedArguments.Add(argument);
                    }

                    continue;
                }

                if (!OrderedComparisons.Contains(op))
                {
                    continue;
                }

                for (int depth = 0; depth < 2; depth++)
                {
                    int argument = Argument(code, stack.Producer(i, depth));
                    ParameterInfo parameter = Parameter(method, argument);
                    if (parameter != null && IsFloatingPoint(parameter.ParameterType) && !checkedArguments.Contains(argument))
                    {
                        yield return $"{HotPathLint.TypeName(method.DeclaringType)}.{method.Name} IL_{code[i].Offset:X4}: parameter '{parameter.Name}' " +
                            $"compared with {op.Name} before double.IsNaN({parameter.Name}); on nanoCLR a NaN can pass an ordered comparison";
                    }
                }
            }
        }

        private static bool IsNaNCheck(MethodBase target) =>
            target != null && target.Name == "IsNaN" && (target.DeclaringType == typeof(double) || target.DeclaringType == typeof(float));

        private static bool IsFloatingPoint(Type type) => type == typeof(double) || type == typeof(float);

        // The argument index an ldarg pushes, or -1.
        private static int Argument(IReadOnlyList<IlInstruction> code, int producer)
        {
            if (producer < 0)
            {
                return -1;
            }

            OpCode op = code[producer].OpCode;
            if (op == OpCodes.Ldarg_0) return 0;
            if (op == OpCodes.Ldarg_1) return 1;
            if (op == OpCodes.Ldarg_2) return 2;
            if (op == OpCodes.Ldarg_3) return 3;
            if (op == OpCodes.Ldarg || op == OpCodes.Ldarg_S) return (int)code[producer].Operand;
            return -1;
        }

        private static ParameterInfo Parameter(MethodBase method, int argument)
        {
            int index = argument - (method.IsStatic ? 0 : 1);
            ParameterInfo[] parameters = method.GetParameters();
            return argument >= 0 && index >= 0 && index < parameters.Length ? parameters[index] : null;
        }
    }
}
