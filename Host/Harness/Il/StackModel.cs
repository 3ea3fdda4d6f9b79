using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;

namespace Harness.Il
{
    /// <summary>
    /// Enough of the IL evaluation stack to tell, within straight-line code, which instruction produced a value and which
    /// consumed it. Anything that crosses a branch target is reported as unknown.
    /// </summary>
    internal sealed class StackModel
    {
        private readonly MethodBase _method;
        private readonly IReadOnlyList<IlInstruction> _code;
        private readonly ControlFlow _flow;
        private readonly MethodBase[] _targets;
        private readonly int[] _pops;
        private readonly int[] _pushes;

        public StackModel(MethodBase method, IReadOnlyList<IlInstruction> code, ControlFlow flow)
        {
            _method = method;
            _code = code;
            _flow = flow;
            _targets = new MethodBase[code.Count];
            _pops = new int[code.Count];
            _pushes = new int[code.Count];
            for (int i = 0; i < code.Count; i++)
            {
                Effect(i);
            }
        }

        /// <summary>The method a call, callvirt or newobj at <paramref name="index"/> targets.</summary>
        public MethodBase Target(int index) => _targets[index];

        /// <summary>Whether the value pushed at <paramref name="producer"/> is passed straight to an I2cDevice transfer.</summary>
        public bool FeedsI2cTransfer(int producer)
        {
            int consumer = Consumer(producer);
            return consumer >= 0 && _targets[consumer] != null && HotPathLint.IsI2cTransfer(_targets[consumer]);
        }

        /// <summary>
        /// Whether the operand <paramref name="depth"/> slots below the top of the stack at <paramref name="consumer"/> is a
        /// copy of a value that already exists (a variable, argument, field or array element load, or a dup), as opposed to a
        /// freshly created one (an <c>ldobj</c> is already a fresh copy, counted where it is made).
        /// </summary>
        public bool IsCopyOfExisting(int consumer, int depth)
        {
            int producer = Producer(consumer, depth);
            if (producer < 0)
            {
                return false;
            }

            OpCode op = _code[producer].OpCode;
            return op == OpCodes.Dup || op == OpCodes.Ldfld || op == OpCodes.Ldsfld || op == OpCodes.Ldelem ||
                op == OpCodes.Ldloc || op == OpCodes.Ldloc_S || op == OpCodes.Ldloc_0 || op == OpCodes.Ldloc_1 || op == OpCodes.Ldloc_2 || op == OpCodes.Ldloc_3 ||
                op == OpCodes.Ldarg || op == OpCodes.Ldarg_S || op == OpCodes.Ldarg_0 || op == OpCodes.Ldarg_1 || op == OpCodes.Ldarg_2 || op == OpCodes.Ldarg_3;
        }

        /// <summary>
        /// The method whose return value is the operand <paramref name="depth"/> slots below the top of the stack at
        /// <paramref name="consumer"/>, when that operand comes straight from a call or callvirt; otherwise null.
        /// </summary>
        public MethodBase ReturnedBy(int consumer, int depth)
        {
            int producer = Producer(consumer, depth);
            if (producer < 0)
            {
                return null;
            }

            OpCode op = _code[producer].OpCode;
            return op == OpCodes.Call || op == OpCodes.Callvirt ? _targets[producer] : null;
        }

        /// <summary>The type a store instruction writes, or null.</summary>
        public Type StoredType(int index)
        {
            IlInstruction instruction = _code[index];
            OpCode op = instruction.OpCode;
            Module module = _method.Module;
            if (op == OpCodes.Stfld || op == OpCodes.Stsfld)
            {
                return HotPathLint.Resolve(() => module.ResolveField(instruction.Token, HotPathLint.Generic(_method.DeclaringType), HotPathLint.Generic(_method)))?.FieldType;
            }

            if (op == OpCodes.Stobj)
            {
                return HotPathLint.Resolve(() => module.ResolveType(instruction.Token, HotPathLint.Generic(_method.DeclaringType), HotPathLint.Generic(_method)));
            }

            if (op == OpCodes.Starg || op == OpCodes.Starg_S)
            {
                int index2 = (int)instruction.Operand - (_method.IsStatic ? 0 : 1);
                ParameterInfo[] parameters = _method.GetParameters();
                return index2 >= 0 && index2 < parameters.Length ? parameters[index2].ParameterType : null;
            }

            int local = op == OpCodes.Stloc_0 ? 0 : op == OpCodes.Stloc_1 ? 1 : op == OpCodes.Stloc_2 ? 2 : op == OpCodes.Stloc_3 ? 3 : (int)instruction.Operand;
            IList<LocalVariableInfo> locals = _method.GetMethodBody().LocalVariables;
            return local < locals.Count ? locals[local].LocalType : null;
        }

        /// <summary>The instruction that pushed the operand <paramref name="depth"/> slots below the top at <paramref name="consumer"/>, or -1.</summary>
        public int Producer(int consumer, int depth)
        {
            int need = depth;
            for (int k = consumer - 1; k >= 0; k--)
            {
                if (_pops[k] < 0 || _code[k].OpCode.FlowControl == FlowControl.Branch || _code[k].OpCode.FlowControl == FlowControl.Cond_Branch)
                {
                    return -1;
                }

                if (need < _pushes[k])
                {
                    return k;
                }

                need = need - _pushes[k] + _pops[k];
                if (_flow.BranchTargets.Contains(k))
                {
                    return -1;
                }
            }

            return -1;
        }

        private int Consumer(int producer)
        {
            int depth = 0;
            for (int k = producer + 1; k < _code.Count; k++)
            {
                if (_flow.BranchTargets.Contains(k) || _pops[k] < 0)
                {
                    return -1;
                }

                if (_pops[k] > depth)
                {
                    return k;
                }

                depth = depth - _pops[k] + _pushes[k];
                FlowControl flow = _code[k].OpCode.FlowControl;
                if (flow == FlowControl.Branch || flow == FlowControl.Cond_Branch || flow == FlowControl.Return || flow == FlowControl.Throw)
                {
                    return -1;
                }
            }

            return -1;
        }

        private void Effect(int i)
        {
            IlInstruction instruction = _code[i];
            OpCode op = instruction.OpCode;
            if (op == OpCodes.Call || op == OpCodes.Callvirt || op == OpCodes.Newobj)
            {
                MethodBase target = HotPathLint.Resolve(() => _method.Module.ResolveMethod(instruction.Token, HotPathLint.Generic(_method.DeclaringType), HotPathLint.Generic(_method)));
                _targets[i] = target;
                if (target == null)
                {
                    _pops[i] = -1;
                    return;
                }

                int parameters = target.GetParameters().Length;
                if (op == OpCodes.Newobj)
                {
                    _pops[i] = parameters;
                    _pushes[i] = 1;
                }
                else
                {
                    _pops[i] = parameters + (target.IsStatic ? 0 : 1);
                    _pushes[i] = target is MethodInfo info && info.ReturnType != typeof(void) ? 1 : 0;
                }

                return;
            }

            if (op == OpCodes.Ret)
            {
                _pops[i] = _method is MethodInfo returning && returning.ReturnType != typeof(void) ? 1 : 0;
                return;
            }

            if (op.StackBehaviourPop == StackBehaviour.Varpop || op.StackBehaviourPush == StackBehaviour.Varpush)
            {
                _pops[i] = -1;
                return;
            }

            _pops[i] = Pops(op.StackBehaviourPop);
            _pushes[i] = Pushes(op.StackBehaviourPush);
        }

        private static int Pops(StackBehaviour behaviour)
        {
            switch (behaviour)
            {
                case StackBehaviour.Pop0:
                    return 0;
                case StackBehaviour.Pop1:
                case StackBehaviour.Popi:
                case StackBehaviour.Popref:
                    return 1;
                case StackBehaviour.Pop1_pop1:
                case StackBehaviour.Popi_pop1:
                case StackBehaviour.Popi_popi:
                case StackBehaviour.Popi_popi8:
                case StackBehaviour.Popi_popr4:
                case StackBehaviour.Popi_popr8:
                case StackBehaviour.Popref_pop1:
                case StackBehaviour.Popref_popi:
                    return 2;
                case StackBehaviour.Popi_popi_popi:
                case StackBehaviour.Popref_popi_popi:
                case StackBehaviour.Popref_popi_popi8:
                case StackBehaviour.Popref_popi_popr4:
                case StackBehaviour.Popref_popi_popr8:
                case StackBehaviour.Popref_popi_popref:
                case StackBehaviour.Popref_popi_pop1:
                    return 3;
                default:
                    return -1;
            }
        }

        private static int Pushes(StackBehaviour behaviour)
        {
            switch (behaviour)
            {
                case StackBehaviour.Push0:
                    return 0;
                case StackBehaviour.Push1_push1:
                    return 2;
                default:
                    return 1;
            }
        }
    }
}
