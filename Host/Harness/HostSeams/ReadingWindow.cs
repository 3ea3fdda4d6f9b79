using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using Harness.Il;

namespace HostSeams
{
    /// <summary>
    /// Holds a memory test to "read the heap first, then build the message". On nanoCLR every string literal a test
    /// executes is a 12 B heap object and every concatenation, <c>ToString</c> or boxing a new one; whatever the test
    /// builds between its baseline and the reading in the same method is still alive (on the evaluation stack or in a
    /// local) when <c>GC.Run</c> reads the heap, so it counts against the subject. The host's strings are interned and
    /// not on that heap, so the host cannot see them by measuring: it reads the test's IL instead. Every instruction
    /// between a call of <c>HeapMeter.Begin</c> and the next call of <c>HeapMeter.Retained</c> in the same method is
    /// checked (from the method's start when it has no baseline of its own); <c>ldstr</c>, <c>box</c> and any call that
    /// returns a string are the test's own bookkeeping.
    /// </summary>
    public static class ReadingWindow
    {
        private const string MeterType = "NFUnitTest.Memory.HeapMeter";
        private static readonly Dictionary<MethodBase, string> Verdicts = new Dictionary<MethodBase, string>();

        /// <summary>The method of the current call stack that called the heap meter (the first frame outside it).</summary>
        public static MethodBase Caller()
        {
            foreach (StackFrame frame in new StackTrace(1, false).GetFrames())
            {
                MethodBase method = frame.GetMethod();
                Type type = method?.DeclaringType;
                if (type != null && type.FullName != MeterType && type != typeof(NanoHeapMeter) && type != typeof(ReadingWindow))
                {
                    return method;
                }
            }

            return null;
        }

        /// <summary>
        /// Throws when <paramref name="method"/> builds anything between a baseline and the next reading, naming the
        /// construct and its IL offset.
        /// </summary>
        public static void Check(MethodBase method)
        {
            if (method == null)
            {
                return;
            }

            string verdict;
            lock (Verdicts)
            {
                if (!Verdicts.TryGetValue(method, out verdict))
                {
                    verdict = Inspect(method);
                    Verdicts[method] = verdict;
                }
            }

            if (verdict != null)
            {
                throw new InvalidOperationException(verdict);
            }
        }

        /// <summary>The bookkeeping <paramref name="method"/> does between its readings, or null when there is none.</summary>
        public static string Inspect(MethodBase method)
        {
            MethodBody body = method.GetMethodBody();
            if (body == null)
            {
                return null;
            }

            IReadOnlyList<IlInstruction> code = IlDecoder.Decode(body.GetILAsByteArray());
            var found = new List<string>();
            var pending = new List<string>();

            // A method that reads without a baseline of its own (a helper, a lambda) is checked from its first instruction;
            // what comes after the last reading is not in a window.
            bool open = true;
            foreach (IlInstruction instruction in code)
            {
                OpCode op = instruction.OpCode;
                MethodBase target = op == OpCodes.Call || op == OpCodes.Callvirt || op == OpCodes.Newobj
                    ? HotPathLint.Resolve(() => method.Module.ResolveMethod(instruction.Token, HotPathLint.Generic(method.DeclaringType), HotPathLint.Generic(method)))
                    : null;
                if (target?.DeclaringType?.FullName == MeterType && target.Name == "Begin")
                {
                    open = true;
                    pending.Clear();
                    continue;
                }

                if (target?.DeclaringType?.FullName == MeterType && target.Name == "Retained")
                {
                    found.AddRange(pending);
                    pending.Clear();
                    open = false;
                    continue;
                }

                if (!open)
                {
                    continue;
                }

                if (op == OpCodes.Ldstr)
                {
                    pending.Add($"IL_{instruction.Offset:X4} ldstr \"{method.Module.ResolveString(instruction.Token)}\"");
                }
                else if (op == OpCodes.Box)
                {
                    pending.Add($"IL_{instruction.Offset:X4} box");
                }
                else if (target is MethodInfo info && (info.ReturnType == typeof(string) || info.DeclaringType == typeof(string)))
                {
                    pending.Add($"IL_{instruction.Offset:X4} {HotPathLint.TypeName(info.DeclaringType)}.{info.Name}");
                }
            }

            return found.Count == 0
                ? null
                : $"{HotPathLint.TypeName(method.DeclaringType)}.{method.Name} builds objects between its heap baseline and its reading, which a real nanoCLR " +
                  $"counts against the subject: {string.Join(", ", found)}. Take the reading first (int bytes = HeapMeter.Retained(...)), then build the message.";
        }
    }
}
