using nanoFramework.TestFramework;
using Samples.Irrigation;

namespace NFUnitTest.Irrigation
{
    /// <summary>The log line builder writes numbers as the log shows them, without ToString.</summary>
    [TestClass]
    public class LogLineTests
    {
        private static LogLine _line;

        [Setup]
        public void CreateLine()
        {
            _line = new LogLine(new LastLineSink());
        }

        [TestMethod]
        [DataRow(0, "0")]
        [DataRow(7, "7")]
        [DataRow(1234567, "1234567")]
        [DataRow(-42, "-42")]
        public void Append_Integer_WrittenInDecimal(int value, string text)
        {
            _line.Append(value).Emit();

            Assert.AreEqual(text, LastLineSink.Last);
        }

        [TestMethod]
        [DataRow(0, "00:00:00")]
        [DataRow(25200000, "07:00:00")]
        [DataRow(45296999, "12:34:56")]
        [DataRow(86399000, "23:59:59")]
        [DataRow(90000000, "01:00:00")]
        public void AppendTimeOfDay_Milliseconds_WrittenAsHoursMinutesSeconds(int milliseconds, string text)
        {
            _line.AppendTimeOfDay(milliseconds).Emit();

            Assert.AreEqual(text, LastLineSink.Last);
        }

        [TestMethod]
        [DataRow(12.04, 1, "12.0")]
        [DataRow(12.05, 1, "12.1")]
        [DataRow(0.0, 1, "0.0")]
        [DataRow(59.999, 2, "60.00")]
        [DataRow(3.14159, 3, "3.142")]
        [DataRow(-1.25, 1, "-1.3")]
        [DataRow(-0.01, 1, "0.0")]
        [DataRow(7.6, 0, "8")]
        public void AppendFixed_Number_RoundedToTheDecimals(double value, int decimals, string text)
        {
            _line.AppendFixed(value, decimals).Emit();

            Assert.AreEqual(text, LastLineSink.Last);
        }

        [TestMethod]
        public void AppendClause_Sentence_DropsTheFinalFullStop()
        {
            _line.AppendClause("sensor did not answer.").Append("; run stopped").Emit();

            Assert.AreEqual("sensor did not answer; run stopped", LastLineSink.Last);
        }

        [TestMethod]
        public void Emit_TwoLines_EachStartsEmpty()
        {
            _line.Append("Minute ").Append(1).Emit();
            _line.Append("Minute ").Append(2).Emit();

            Assert.AreEqual("Minute 2", LastLineSink.Last);
        }

        [TestMethod]
        public void Append_PastTheCapacity_CutsTheLine()
        {
            for (int i = 0; i < 40; i++)
            {
                _line.Append("0123456789");
            }

            _line.Emit();

            Assert.AreEqual(160, LastLineSink.Last.Length);
        }

        [TestMethod]
        public void Enabled_WithoutSink_False()
        {
            Assert.IsFalse(new LogLine(null).Enabled);
            Assert.IsTrue(_line.Enabled);
        }

        private sealed class LastLineSink : ILogSink
        {
            public static string Last;

            public void WriteLine(string line)
            {
                Last = line;
            }
        }
    }
}
