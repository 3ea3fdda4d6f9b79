using nanoFramework.TestFramework;

namespace NFUnitTest.Memory
{
    /// <summary>
    /// Prints each heap measurement in one fixed form and holds it to its budget:
    /// <c>heap: &lt;subject&gt; &lt;measure&gt; &lt;bytes&gt; bytes (budget &lt;bytes&gt;)</c>, for example
    /// <c>heap: Vl6180X instance 156 bytes (budget 192)</c>.
    /// <para>Take the reading first, then build the message: on nanoCLR every string literal is a 12 B heap object and
    /// every concatenation a new string, so a literal passed in the same call as <see cref="HeapMeter.Retained"/> is
    /// still alive when the heap is read and counts against the subject. Every member here takes the bytes already read.</para>
    /// </summary>
    public static class HeapBudget
    {
        /// <summary>The measurement line.</summary>
        public static string Line(string subject, string measure, int bytes, int budget)
        {
            return "heap: " + subject + " " + measure + " " + bytes.ToString() + " bytes (budget " + budget.ToString() + ")";
        }

        /// <summary>Prints the measurement and fails when it is over budget, saying by how many bytes.</summary>
        public static void AtMost(string subject, string measure, int bytes, int budget)
        {
            OutputHelper.WriteLine(Line(subject, measure, bytes, budget));
            Assert.IsTrue(bytes <= budget, subject + " " + measure + " is " + (bytes - budget).ToString() + " bytes over its budget of " + budget.ToString() + " bytes");
        }

        /// <summary>
        /// Runs a hot operation many times on what the test keeps (<see cref="HeapMeter.RunHot"/>, after a baseline of
        /// <paramref name="keptAlive"/>) and holds the retained growth (<c>&lt;operation&gt;.retained</c>) and the transient
        /// bytes per call (<see cref="Transient"/>) to their budgets.
        /// </summary>
        public static void HotOperation(
            string subject, string operation, object keptAlive, HeapOperation run, int calls, int retainedBudget, int hostBudget)
        {
            HeapMeter.Begin(keptAlive);
            int transient = HeapMeter.RunHot(run, calls);
            int retained = HeapMeter.Retained(keptAlive);
            AtMost(subject, operation + ".retained", retained, retainedBudget);
            Transient(subject, operation, transient, hostBudget);
        }

        /// <summary>
        /// Holds the transient bytes per call of a hot operation to its budget where they can be counted (the host);
        /// on the device says that garbage cannot be seen.
        /// </summary>
        public static void Transient(string subject, string operation, int bytesPerCall, int budget)
        {
            if (bytesPerCall == HeapMeter.NotMeasured)
            {
                OutputHelper.WriteLine("heap: note GC.Run deltas cannot see garbage; the garbage per call of " + subject + " " + operation + " is modelled on the host (footprint report)");
                return;
            }

            AtMost(subject, operation + ".host", bytesPerCall, budget);
        }
    }
}
