using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace Harness.Il
{
    /// <summary>
    /// Basic blocks of a method body and which instructions lie only on error paths. The rule:
    /// <list type="number">
    /// <item>A block ending in <c>throw</c> or <c>rethrow</c>, or in a call to a method that never returns normally (all of its
    /// own paths throw), is an error block.</item>
    /// <item>A block all of whose successors are error blocks is an error block (least fixpoint: loops that can run on are
    /// not error blocks).</item>
    /// <item>Catch and filter handlers (and filter code) run only after an exception and are error code; finally and fault
    /// handlers are not.</item>
    /// </list>
    /// Everything else is on the normal path. So <c>if (status != FullTransfer) throw new IOException(…)</c> keeps the test
    /// and excludes the allocation of the exception and its message.
    /// </summary>
    internal sealed class ControlFlow
    {
        private readonly bool[] _error;

        public ControlFlow(IReadOnlyList<IlInstruction> code, IList<ExceptionHandlingClause> clauses, System.Func<IlInstruction, bool> neverReturns)
        {
            int n = code.Count;
            _error = new bool[n];
            if (n == 0)
            {
                return;
            }

            var indexOf = new Dictionary<int, int>();
            for (int i = 0; i < n; i++)
            {
                indexOf[code[i].Offset] = i;
            }

            var leaders = new SortedSet<int> { 0 };
            BranchTargets = new HashSet<int>();
            for (int i = 0; i < n; i++)
            {
                foreach (int target in code[i].Targets)
                {
                    if (indexOf.TryGetValue(target, out int t))
                    {
                        leaders.Add(t);
                        BranchTargets.Add(t);
                    }
                }

                if ((EndsBlock(code[i]) || code[i].Targets.Count > 0 || neverReturns(code[i])) && i + 1 < n)
                {
                    leaders.Add(i + 1);
                }
            }

            foreach (ExceptionHandlingClause clause in clauses)
            {
                foreach (int offset in new[] { clause.TryOffset, clause.HandlerOffset, clause.TryOffset + clause.TryLength, clause.HandlerOffset + clause.HandlerLength })
                {
                    if (indexOf.TryGetValue(offset, out int t))
                    {
                        leaders.Add(t);
                        BranchTargets.Add(t);
                    }
                }

                if (clause.Flags == ExceptionHandlingClauseOptions.Filter && indexOf.TryGetValue(clause.FilterOffset, out int f))
                {
                    leaders.Add(f);
                    BranchTargets.Add(f);
                }
            }

            int[] starts = leaders.ToArray();
            int blocks = starts.Length;
            var blockOf = new int[n];
            for (int b = 0; b < blocks; b++)
            {
                int end = b + 1 < blocks ? starts[b + 1] : n;
                for (int i = starts[b]; i < end; i++)
                {
                    blockOf[i] = b;
                }
            }

            var successors = new List<int>[blocks];
            var isError = new bool[blocks];
            for (int b = 0; b < blocks; b++)
            {
                successors[b] = new List<int>();
                int last = (b + 1 < blocks ? starts[b + 1] : n) - 1;
                IlInstruction end = code[last];
                OpCode op = end.OpCode;
                if (op == OpCodes.Throw || op == OpCodes.Rethrow || neverReturns(end))
                {
                    isError[b] = true;
                    continue;
                }

                foreach (int target in end.Targets)
                {
                    if (indexOf.TryGetValue(target, out int t))
                    {
                        successors[b].Add(blockOf[t]);
                    }
                }

                bool fallsThrough = op.FlowControl != FlowControl.Branch && op.FlowControl != FlowControl.Return &&
                    op.FlowControl != FlowControl.Throw && op != OpCodes.Endfinally && op != OpCodes.Endfilter;
                if (fallsThrough && last + 1 < n)
                {
                    successors[b].Add(blockOf[last + 1]);
                }
            }

            bool changed = true;
            while (changed)
            {
                changed = false;
                for (int b = 0; b < blocks; b++)
                {
                    if (!isError[b] && successors[b].Count > 0 && successors[b].All(s => isError[s]))
                    {
                        isError[b] = true;
                        changed = true;
                    }
                }
            }

            for (int i = 0; i < n; i++)
            {
                _error[i] = isError[blockOf[i]];
            }

            foreach (ExceptionHandlingClause clause in clauses)
            {
                if (clause.Flags != ExceptionHandlingClauseOptions.Clause && clause.Flags != ExceptionHandlingClauseOptions.Filter)
                {
                    continue;
                }

                int from = clause.Flags == ExceptionHandlingClauseOptions.Filter ? clause.FilterOffset : clause.HandlerOffset;
                int to = clause.HandlerOffset + clause.HandlerLength;
                for (int i = 0; i < n; i++)
                {
                    if (code[i].Offset >= from && code[i].Offset < to)
                    {
                        _error[i] = true;
                    }
                }
            }
        }

        /// <summary>Indexes of instructions where control can arrive from elsewhere than the previous instruction.</summary>
        public HashSet<int> BranchTargets { get; } = new HashSet<int>();

        /// <summary>Whether the instruction at an index runs only on an error path.</summary>
        public bool IsErrorOnly(int index) => _error[index];

        /// <summary>Whether every path from the method's entry throws (a throw helper).</summary>
        public bool EntryIsErrorOnly => _error.Length > 0 && _error[0];

        private static bool EndsBlock(IlInstruction instruction)
        {
            FlowControl flow = instruction.OpCode.FlowControl;
            return flow == FlowControl.Branch || flow == FlowControl.Cond_Branch || flow == FlowControl.Return || flow == FlowControl.Throw ||
                instruction.OpCode == OpCodes.Endfinally || instruction.OpCode == OpCodes.Endfilter;
        }
    }
}
