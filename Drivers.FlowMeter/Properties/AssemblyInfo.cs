using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Drivers.FlowMeter")]
[assembly: AssemblyDescription("Hall-effect water flow meter driver for .NET nanoFramework on ESP32")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("")]
[assembly: AssemblyProduct("Drivers.FlowMeter")]
[assembly: AssemblyCopyright("")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
