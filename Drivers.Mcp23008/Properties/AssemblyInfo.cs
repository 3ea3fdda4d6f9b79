using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Drivers.Mcp23008")]
[assembly: AssemblyDescription("MCP23008 8-bit I2C GPIO expander driver for .NET nanoFramework on ESP32")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("")]
[assembly: AssemblyProduct("Drivers.Mcp23008")]
[assembly: AssemblyCopyright("")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
