using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PtHub.Bench.Slots;

internal static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Print(SlotsSummary s)
    {
        var d = s.DataSet;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"Free-slot search, {s.Date:yyyy-MM-dd HH:mm} UTC, {s.Machine.Cores} cores, {s.Machine.Runtime}, server GC {s.Machine.ServerGc}, " +
            $"load average {s.Machine.LoadAverage} -> {s.LoadAverageAtEnd}");
        text.AppendLine($"Clinic open 07:00-19:00 daily ({d.TimeZone}), gym (12) + 3 private rooms; {d.Therapists} therapists: {d.Staff}");
        text.AppendLine($"{d.Visits} visits over {d.Days} days from {d.From:yyyy-MM-dd} ({d.VisitsPerTherapistDayMean:0.0} per therapist-day, " +
            $"{d.VisitsPerTherapistDayMin}-{d.VisitsPerTherapistDayMax}; busy therapist {d.BusyTherapist}: {d.BusyTherapistVisits}), {d.Patients} patients; " +
            $"search: follow-up {d.SearchMinutes} min, 15-min step");
        text.AppendLine();
        text.AppendLine($"1. Pure ScheduleRules.FreeStarts, one call per day and therapist, {s.Options.PureReps} runs each (no node running), ms per query:");
        text.AppendLine($"  {"query",-22}{"data set",-17}{"calls",6}{"slots",7}{"median",10}{"p95",10}{"min",10}{"µs/call",9}{"alloc/run",11}");
        foreach (var p in s.Pure)
        {
            text.AppendLine($"  {p.Query,-22}{p.DataSet,-17}{p.Calls,6}{p.Slots,7}{p.Ms.Median,10:0.000}{p.Ms.P95,10:0.000}{p.Ms.Min,10:0.000}" +
                $"{p.MedianMicrosPerCall,9:0.0}{Size(p.AllocatedBytes),11}");
        }

        text.AppendLine();
        text.AppendLine($"2. GET /api/clinics/{{id}}/free-slots through the node (Kestrel + co-hosted silo + SQLite), whole clinic booked over REST:");
        text.AppendLine($"  set-up: clinic + {d.Patients} patients {s.Setup.ConfigureAndRegisterSeconds:0.0} s; {d.Visits} bookings {s.Setup.BookingSeconds:0.0} s " +
            $"({s.Setup.VisitsPerSecond:0} visits/s); {s.ActivationsLeftAfterDeactivation} activations left after deactivating all");
        text.AppendLine($"  {"query",-22}{"grain",6}{"slots",7}{"KB",7}{"cold med",10}{"min",9}{"max",9}{"cold/pure",10}" +
            $"{"warm p50",10}{"p95",9}{"pure p50",10}{"p95",9}{"warm/pure p50",14}{"p95",7}{"paired",8}");
        text.AppendLine($"  {"",-22}{"calls",6}");
        foreach (var h in s.Http)
        {
            text.Append($"  {h.Query,-22}{h.GrainCalls,6}{h.Slots,7}{h.Bytes / 1024.0,7:0.0}{h.Cold.Median,10:0.0}{h.Cold.Min,9:0.0}{h.Cold.Max,9:0.0}{h.ColdOverPure,9:0}x");
            if (h.Warm is { } warm && h.PureInterleaved is { } pure)
            {
                text.Append($"{warm.Median,10:0.00}{warm.P95,9:0.00}{pure.Median,10:0.00}{pure.P95,9:0.00}{h.WarmOverPureP50,13:0.00}x{h.WarmOverPureP95,6:0.00}x{h.MedianOfPairedRatios,7:0.00}x");
            }

            text.AppendLine();
        }

        text.AppendLine($"  cold = first call after IManagementGrain.ForceActivationCollection(0), {s.Options.ColdRounds} rounds; warm = {s.Options.Warm} calls, " +
            "each paired with a pure run of the same query; cold/pure against the pure median of table 1");
        foreach (var h in s.Http)
        {
            text.AppendLine($"  a cold {h.Query} query activated {string.Join(", ", h.ColdActivations.OrderByDescending(a => a.Value).Select(a => $"{a.Value} {a.Key}"))}; " +
                $"visit-event appends (SQLite write transactions) during it: {h.ColdEventAppends}");
        }

        if (s.ColdBreakdown.Count > 0)
        {
            double Median(Func<ColdBreakdown, double> f) => Summary.Of([.. s.ColdBreakdown.Select(f)]).Median;
            text.AppendLine($"  cold all-therapist query taken apart (median of {s.ColdBreakdown.Count}): activate all {d.Visits} visit grains " +
                $"{Median(b => b.VisitGrains):0.0} ms ({Median(b => b.VisitGrainEventAppends):0} visit-event appends), then all {d.Patients} patient grains " +
                $"{Median(b => b.PatientGrains):0.0} ms, then the query (activating {d.Days} day grains) {Median(b => b.QueryWithWarmVisitsAndPatients):0.0} ms");
            text.AppendLine($"  {s.SequentialVisitActivations.Count} visit grains activated one at a time: median {s.SequentialVisitActivations.Ms.Median:0.000} ms " +
                $"(p95 {s.SequentialVisitActivations.Ms.P95:0.000}), of which the event-log append {s.SequentialVisitActivations.AppendMs.Median:0.000} ms " +
                $"(p95 {s.SequentialVisitActivations.AppendMs.P95:0.000})");
            text.AppendLine($"  visit-event appends during the {2 * s.Options.Warm} warm calls: {s.WarmEventAppends}; " +
                $"an untouched grain stays active for {s.CollectionAge.TotalMinutes:0} min (Orleans' collection age)");
        }

        var mismatches = s.Http.Where(h => h.AnswersNotMatchingPure > 0).ToList();
        text.AppendLine(mismatches.Count == 0
            ? $"  sanity: all {s.Http.Sum(h => h.Answers)} HTTP answers hold as many slots as the pure search finds for the same query"
            : $"  SANITY: slot counts differ: {string.Join("; ", mismatches.Select(h => $"{h.Query}: {h.AnswersNotMatchingPure} of {h.Answers} answers (pure {h.PureSlots})"))}");
        text.AppendLine($"  whole run {s.TotalSeconds:0} s (without the build)");
        Console.Write(text.ToString());
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.0} MB" : $"{bytes / 1024.0:0} KB";

    public static async Task WriteJsonAsync(string path, SlotsSummary summary)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, summary, Json);
    }
}
