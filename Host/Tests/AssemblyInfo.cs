using Xunit;

// The virtual board is one shared piece of hardware: tests take turns on it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// A bus access outside a chip's register table fails the test that made it, unless the test expected it.
[assembly: HostTests.Foundation.RegisterViolationCheck]
