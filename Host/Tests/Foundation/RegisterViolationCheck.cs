using System;
using System.Linq;
using System.Reflection;
using VirtualBoard;
using Xunit.Sdk;

namespace HostTests.Foundation
{
    /// <summary>
    /// Fails any host test that leaves a register violation it did not expect (a bus access outside a chip's register
    /// table, see <see cref="RegisterMap"/>). Applied to the whole test assembly.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
    public sealed class RegisterViolationCheckAttribute : BeforeAfterTestAttribute
    {
        public override void Before(MethodInfo methodUnderTest) => Board.RegisterViolations.TakeUnexpected();

        public override void After(MethodInfo methodUnderTest)
        {
            RegisterViolation[] unexpected = Board.RegisterViolations.TakeUnexpected().ToArray();
            if (unexpected.Length > 0)
            {
                throw new XunitException(
                    "Register violations (bus accesses outside a chip's register table) that the test did not expect:\n  " +
                    string.Join("\n  ", unexpected.Select(v => v.ToString())));
            }
        }
    }
}
