using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Samples.Irrigation.Firmware")]
[assembly: AssemblyDescription("Irrigation controller firmware for .NET nanoFramework on ESP32: the entry point")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("")]
[assembly: AssemblyProduct("Samples.Irrigation.Firmware")]
[assembly: AssemblyCopyright("")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
