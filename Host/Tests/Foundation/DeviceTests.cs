using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace HostTests.Foundation
{
    /// <summary>Each device test method (and each DataRow) of the NFUnitTest assembly as its own xunit result.</summary>
    public class DeviceTests
    {
        public static IEnumerable<object[]> Cases() =>
            DeviceTestAdapter.Cases().Select(c => new object[] { c.Id });

        [Theory]
        [MemberData(nameof(Cases))]
        public void Run(string id)
        {
            Type type = DeviceTestAdapter.Cases().First(c => c.Id == id).Type;
            string failure = DeviceTestAdapter.Outcome(type, id);
            Assert.True(failure == null, failure);
        }
    }
}
