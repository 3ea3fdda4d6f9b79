using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Drivers.VL6180X")]
[assembly: AssemblyDescription("VL6180X time-of-flight range and ambient-light sensor driver for .NET nanoFramework on ESP32")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("")]
[assembly: AssemblyProduct("Drivers.VL6180X")]
[assembly: AssemblyCopyright("")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
