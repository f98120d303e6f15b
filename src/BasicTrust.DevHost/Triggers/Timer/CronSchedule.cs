using System.Globalization;

namespace BasicTrust.DevHost.Triggers.Timer;

/// <summary>
/// The six-field NCRONTAB schedules of timer triggers (<c>second minute hour day month day-of-week</c>), with
/// <c>*</c>, numbers, lists, ranges and steps (<c>*/5</c>, <c>1-10/2</c>). Times are UTC, as the host's default.
/// </summary>
public sealed class CronSchedule
{
    static readonly (int Min, int Max)[] Ranges = [(0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 6)];
    readonly HashSet<int>[] _fields;

    CronSchedule(HashSet<int>[] fields) => _fields = fields;

    public static CronSchedule Parse(string expression)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6) throw new FormatException($"Schedule '{expression}' must have six fields (second minute hour day month day-of-week).");
        return new CronSchedule([.. parts.Select((part, i) => Field(part, Ranges[i].Min, Ranges[i].Max, expression))]);
    }

    /// <summary>The first time strictly after <paramref name="after"/> that matches (searched second by second over at most a year).</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var t = new DateTimeOffset(after.UtcDateTime.Ticks - after.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
        for (var limit = t.AddYears(1); t < limit;)
        {
            if (!_fields[4].Contains(t.Month)) { t = new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1); continue; }
            if (!_fields[3].Contains(t.Day) || !_fields[5].Contains((int)t.DayOfWeek)) { t = new DateTimeOffset(t.Date, TimeSpan.Zero).AddDays(1); continue; }
            if (!_fields[2].Contains(t.Hour)) { t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1); continue; }
            if (!_fields[1].Contains(t.Minute)) { t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero).AddMinutes(1); continue; }
            if (!_fields[0].Contains(t.Second)) { t = t.AddSeconds(1); continue; }
            return t;
        }
        throw new InvalidOperationException("The schedule never fires.");
    }

    static HashSet<int> Field(string text, int min, int max, string expression)
    {
        var values = new HashSet<int>();
        foreach (var item in text.Split(','))
        {
            var (range, step) = item.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                _ => throw new FormatException($"Schedule '{expression}': '{item}' is not a valid field."),
            };
            var (from, to) = range == "*" ? (min, max) : range.Split('-') switch
            {
                [var a] => (Number(a), step > 1 ? max : Number(a)),
                [var a, var b] => (Number(a), Number(b)),
                _ => throw new FormatException($"Schedule '{expression}': '{item}' is not a valid field."),
            };
            if (from < min || to > max || from > to) throw new FormatException($"Schedule '{expression}': '{item}' is outside {min}-{max}.");
            for (var v = from; v <= to; v += step) values.Add(v);
        }
        return values;

        int Number(string s) => int.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"Schedule '{expression}': '{s}' is not a number.");
    }
}
