using System;
using Simulators.FlowSensor;
using VirtualBoard;

namespace Simulators.Garden
{
    public sealed partial class Garden
    {
        private const int ReadRaceWaitSteps = 6000;

        private readonly int[] _active = new int[Enum.GetValues(typeof(GardenFault)).Length];
        private int _expanderDown;
        private int _tankSensorDown;

        /// <summary>False while a timed fault keeps the MCP23008 from answering (a NACK window or its supply down).</summary>
        public bool ExpanderAnswering => _expanderDown == 0;

        /// <summary>Timed faults active now, of every kind.</summary>
        public int ActiveFaults
        {
            get
            {
                int total = 0;
                foreach (int count in _active)
                {
                    total += count;
                }

                return total;
            }
        }

        /// <summary>
        /// Injects a fault that clears after a duration: a bus fault lasts the whole window (not a few transfers), a
        /// supply fault keeps the chip silent and resets it again when power returns, a garden fault is undone.
        /// Overlapping faults of the same kind hold until the last one clears.
        /// </summary>
        /// <param name="fault">The fault.</param>
        /// <param name="atMilliseconds">Simulated time it strikes, in ms since the board's reset (now or later).</param>
        /// <param name="durationMilliseconds">How long it lasts, in simulated ms (at least 1).</param>
        public void InjectFor(GardenFault fault, long atMilliseconds, long durationMilliseconds)
        {
            long start = Math.Max(atMilliseconds, Board.Clock.NowMilliseconds);
            long end = start + Math.Max(1, durationMilliseconds);
            if (start <= Board.Clock.NowMilliseconds)
            {
                Start(fault);
            }
            else
            {
                Board.Clock.ScheduleAt(start * TimeSpan.TicksPerMillisecond, () => Start(fault));
            }

            Board.Clock.ScheduleAt(end * TimeSpan.TicksPerMillisecond, () => Clear(fault));
        }

        private void Start(GardenFault fault)
        {
            using (AllocationLedger.Platform())
            {
                _active[(int)fault]++;
                switch (fault)
                {
                    case GardenFault.Mcp23008Nack:
                        ExpanderDown();
                        break;
                    case GardenFault.Mcp23008Brownout:
                        Expander.PowerOnReset();
                        ExpanderDown();
                        break;
                    case GardenFault.Vl6180XMissing:
                        TankSensorDown();
                        break;
                    case GardenFault.Vl6180XReset:
                        TankSensor.PowerCycle();
                        TankSensorDown();
                        break;
                    default:
                        if (_active[(int)fault] == 1 || fault == GardenFault.PcntGlitch)
                        {
                            Inject(fault);
                        }

                        break;
                }

                Refresh();
            }
        }

        private void Clear(GardenFault fault)
        {
            using (AllocationLedger.Platform())
            {
                if (_active[(int)fault] == 0)
                {
                    return;
                }

                bool last = --_active[(int)fault] == 0;
                switch (fault)
                {
                    case GardenFault.Mcp23008Nack:
                        ExpanderUp();
                        break;
                    case GardenFault.Mcp23008Brownout:
                        Expander.PowerOnReset();
                        ExpanderUp();
                        break;
                    case GardenFault.Vl6180XMissing:
                        TankSensorUp();
                        break;
                    case GardenFault.Vl6180XReset:
                        TankSensor.PowerCycle();
                        TankSensorUp();
                        break;
                    case GardenFault.DeadFlowSensor:
                        FlowSensorDead = !last;
                        break;
                    case GardenFault.Leak:
                        LeakLitresPerMinute = last ? 0 : LeakLitresPerMinute;
                        break;
                    case GardenFault.BurstPipe:
                        BurstLitresPerMinute = last ? 0 : BurstLitresPerMinute;
                        break;
                    case GardenFault.FlowOverRead:
                        FlowSensorFactor = last ? 1.0 : FlowSensorFactor;
                        break;
                }

                Refresh();
            }
        }

        // The faults Inject does not handle itself: one-off events and garden changes.
        private void InjectEvent(GardenFault fault)
        {
            switch (fault)
            {
                case GardenFault.Mcp23008Brownout:
                    Expander.PowerOnReset();
                    break;
                case GardenFault.Vl6180XReset:
                    TankSensor.PowerCycle();
                    break;
                case GardenFault.PcntGlitch:
                    InjectReadRace(ReadRaceWaitSteps);
                    break;
            }
        }

        // The race strikes a read of an open pulse counter; before the firmware has opened one, it waits for it (in
        // 100 ms steps, for at most ten simulated minutes).
        private void InjectReadRace(int stepsLeft)
        {
            if (Board.Pin(FlowSensorSimulator.BenchGpio).PulseCounters.Count > 0)
            {
                FlowSensor.InjectOverflowRace(+1);
            }
            else if (stepsLeft > 0)
            {
                Board.Clock.ScheduleAt(Board.Clock.NowTicks + (100 * TimeSpan.TicksPerMillisecond), () => InjectReadRace(stepsLeft - 1));
            }
        }

        private void ExpanderDown()
        {
            if (_expanderDown++ == 0)
            {
                Board.I2cBus(I2cBusId).InjectFault(ExpanderAddress, new I2cFault(I2cFaultKind.AddressNack) { Times = -1 });
            }
        }

        private void ExpanderUp()
        {
            if (--_expanderDown == 0)
            {
                Board.I2cBus(I2cBusId).ClearFault(ExpanderAddress);
            }
        }

        private void TankSensorDown()
        {
            if (_tankSensorDown++ == 0)
            {
                Board.I2cBus(I2cBusId).InjectFault(Vl6180X.Vl6180XSimulator.DefaultAddress, new I2cFault(I2cFaultKind.AddressNack) { Times = -1 });
            }
        }

        private void TankSensorUp()
        {
            if (--_tankSensorDown == 0)
            {
                Board.I2cBus(I2cBusId).ClearFault(Vl6180X.Vl6180XSimulator.DefaultAddress);
            }
        }
    }
}
