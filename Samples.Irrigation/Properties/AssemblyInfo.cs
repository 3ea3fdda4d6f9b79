using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Samples.Irrigation")]
[assembly: AssemblyDescription("Irrigation controller for .NET nanoFramework on ESP32: the watering logic the firmware and the tests use")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("")]
[assembly: AssemblyProduct("Samples.Irrigation")]
[assembly: AssemblyCopyright("")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
