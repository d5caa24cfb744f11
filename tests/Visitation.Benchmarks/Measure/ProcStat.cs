using System.Globalization;

namespace Visitation.Benchmarks;

/// <summary>
/// One line of /proc/&lt;pid&gt;/stat: the parent and the CPU time a process used, its own and that of its
/// children it waited for (the postmaster reaps PostgreSQL's backends, so a backend that ended during
/// the run is counted there). Times are in USER_HZ ticks, 100 a second on Linux.
/// </summary>
public sealed record ProcStat(int ParentId, long OwnTicks, long ReapedChildrenTicks)
{
    public const double TicksPerSecond = 100;

    public static ProcStat? Read(int pid)
    {
        string line;
        try
        {
            line = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new ProcStat((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }

    /// <summary>The processes whose parent is <paramref name="parent"/> (PostgreSQL's backends and workers).</summary>
    public static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read(pid) is { } stat && stat.ParentId == parent)
            {
                yield return pid;
            }
        }
    }
}
