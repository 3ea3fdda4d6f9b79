using Xunit;

// The virtual board is one shared piece of hardware: tests take turns on it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
