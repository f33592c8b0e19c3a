using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace PtHub.Bench;

/// <summary>
/// One system's screens, connected by <see cref="BenchOptions.ScreenProcesses"/> child processes of this executable
/// (<see cref="ScreenWorker"/>), so that the node under test is measured without them. Screen <c>i</c> of the layout goes
/// to child <c>i mod K</c>. Each message a screen receives comes back as a line with the child's
/// <see cref="Stopwatch.GetTimestamp"/>, which <see cref="OnMessage"/> gets as is.
/// <para>
/// Shared clock: on Linux <see cref="Stopwatch.GetTimestamp"/> reads CLOCK_MONOTONIC, one clock for every process of
/// the machine, so a child's timestamp and the parent's send timestamp are directly comparable. This is checked, not
/// assumed: before the rounds the parent asks each child for its timestamp and requires it to fall between the
/// parent's own timestamps before the question and after the answer (<see cref="ClockWindowMs"/> is the widest such
/// window, the bound on any skew the check could miss).
/// </para>
/// Children stop when their standard input closes: at <see cref="DisposeAsync"/>, or when this process dies; at
/// <see cref="DisposeAsync"/> and at process exit, any child still running after that is killed. No files are used.
/// </summary>
internal sealed class ScreenProcesses : IAsyncDisposable
{
    private readonly List<Child> _children = [];
    private readonly Action<ClientSpec, long, int, string[]> _onMessage;
    private readonly ClientLayout _layout;

    private ScreenProcesses(ClientLayout layout, Action<ClientSpec, long, int, string[]> onMessage)
    {
        _layout = layout;
        _onMessage = onMessage;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    /// <summary>(screen, child timestamp, payload bytes, keys) for every message any screen receives.</summary>
    public Action<ClientSpec, long, int, string[]> OnMessage => _onMessage;

    /// <summary>The widest parent-before / parent-after window the clock check saw, in ms.</summary>
    public double ClockWindowMs { get; private set; }

    /// <summary>The children's working sets together, now.</summary>
    public long WorkingSetBytes => _children.Sum(c =>
    {
        c.Process.Refresh();
        return c.Process.HasExited ? 0 : c.Process.WorkingSet64;
    });

    public int Count => _children.Count;

    /// <summary>Starts the children and returns once every screen is connected and subscribed and the clocks are checked.</summary>
    /// <param name="screen">How screen <c>i</c> listens and subscribes.</param>
    public static async Task<ScreenProcesses> StartAsync(string name, int processes, ClientLayout layout, Uri hub, string cookie, string keys,
        int connectConcurrency, Func<int, ClientSpec, WorkerScreen> screen, Action<ClientSpec, long, int, string[]> onMessage)
    {
        var system = new ScreenProcesses(layout, onMessage);
        try
        {
            var k = Math.Min(processes, layout.Clients.Count);
            for (var p = 0; p < k; p++)
            {
                var screens = Enumerable.Range(0, layout.Clients.Count).Where(i => i % k == p).Select(i => screen(i, layout.Clients[i])).ToList();
                var assignment = new WorkerAssignment(hub.ToString(), cookie, keys, Math.Max(1, connectConcurrency / k), screens);
                system._children.Add(Child.Start(system, $"{name} screens {p + 1}/{k}", assignment));
            }

            var started = Stopwatch.StartNew();
            await Task.WhenAll(system._children.Select(c => c.Ready.Task));
            Log.Line($"{name}: {layout.Clients.Count} screens connected and subscribed by {k} processes in {started.Elapsed.TotalSeconds:0.0} s");
            foreach (var child in system._children)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    system.ClockWindowMs = Math.Max(system.ClockWindowMs, await child.CheckClockAsync());
                }
            }

            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private void KillAll()
    {
        foreach (var child in _children)
        {
            child.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children)
        {
            child.CloseInput();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var child in _children)
        {
            try
            {
                await child.Process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                // Still running after the children's own 20 s bound: killed below.
            }
        }

        KillAll();
        foreach (var child in _children)
        {
            await child.Reader;
            child.Process.Dispose();
        }
    }

    private sealed class Child
    {
        private readonly ScreenProcesses _owner;
        private readonly string _name;
        private readonly IReadOnlyList<WorkerScreen> _screens;
        private TaskCompletionSource<long>? _clock;

        private Child(ScreenProcesses owner, string name, Process process, IReadOnlyList<WorkerScreen> screens)
        {
            _owner = owner;
            _name = name;
            Process = process;
            _screens = screens;
            Reader = Task.Run(ReadAsync);
        }

        public Process Process { get; }

        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reader { get; }

        public static Child Start(ScreenProcesses owner, string name, WorkerAssignment assignment)
        {
            var info = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            var host = Environment.ProcessPath!;
            info.FileName = host;
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            {
                info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            }

            info.ArgumentList.Add(ScreenWorker.Flag);
            // The screens are clients, like browsers: workstation GC, so that K children do not each take a server heap per core.
            info.Environment["DOTNET_gcServer"] = "0";
            var process = Process.Start(info)!;
            process.StandardInput.AutoFlush = true;
            process.StandardInput.WriteLine(JsonSerializer.Serialize(assignment, JsonSerializerOptions.Web));
            return new Child(owner, name, process, assignment.Screens);
        }

        /// <summary>Asks for the child's timestamp; throws unless it lies between ours before and after. Returns that window in ms.</summary>
        public async Task<double> CheckClockAsync()
        {
            _clock = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var before = Stopwatch.GetTimestamp();
            await Process.StandardInput.WriteLineAsync("clock");
            var theirs = await _clock.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var after = Stopwatch.GetTimestamp();
            if (theirs < before || theirs > after)
            {
                throw new InvalidOperationException($"{_name}: its Stopwatch timestamp {theirs} is outside [{before}, {after}]: the processes do not share a monotonic clock.");
            }

            return Stopwatch.GetElapsedTime(before, after).TotalMilliseconds;
        }

        public void CloseInput()
        {
            try
            {
                Process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Already gone.
            }
        }

        public void Kill()
        {
            try
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }

        private async Task ReadAsync()
        {
            var output = Process.StandardOutput;
            while (await output.ReadLineAsync() is { } line)
            {
                switch (line[0])
                {
                    case 'm':
                        var parts = line.Split(' ');
                        var spec = _owner._layout.Clients[int.Parse(parts[1])];
                        _owner._onMessage(spec, long.Parse(parts[2]), int.Parse(parts[3]), parts[4..]);
                        break;
                    case 'c':
                        _clock?.TrySetResult(long.Parse(line[2..]));
                        break;
                    case 'r':
                        Ready.TrySetResult();
                        break;
                }
            }

            var failed = new InvalidOperationException($"{_name} ended before its {_screens.Count} screens were ready (see its errors above).");
            Ready.TrySetException(failed);
            _clock?.TrySetException(failed);
        }
    }
}
