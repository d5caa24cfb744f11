using System.Collections.Concurrent;

namespace Visitation.Rules.Policies;

/// <summary>Province policies and the per-prison overrides on top of them.</summary>
public sealed class PolicySet
{
    private readonly Dictionary<string, VisitPolicy> _provinces;
    private readonly Dictionary<(string Province, string Prison), PrisonOverride> _overrides;

    // A prison's merged policy, made once: the merge goes through JSON, and every judgement asks for it.
    private readonly ConcurrentDictionary<(string Province, string Prison), VisitPolicy> _merged = new();

    public PolicySet(IEnumerable<VisitPolicy> provinces, IEnumerable<PrisonOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        ArgumentNullException.ThrowIfNull(overrides);
        // Our own copies: the set must not change because a caller's list did.
        _provinces = provinces.ToDictionary(p => p.ProvinceId, StringComparer.Ordinal);
        _overrides = overrides.ToDictionary(o => (o.ProvinceId, o.PrisonId));
    }

    public IReadOnlyCollection<string> Provinces => _provinces.Keys;

    /// <summary>
    /// The policy for a prison: its province's, with the prison's override applied when it has one.
    /// An unknown province throws: guessing another province's rules would be worse than stopping.
    /// </summary>
    public VisitPolicy For(string provinceId, string? prisonId)
    {
        if (!_provinces.TryGetValue(provinceId, out var province))
            throw new KeyNotFoundException($"No visit policy for province '{provinceId}'.");
        return prisonId is not null && _overrides.TryGetValue((provinceId, prisonId), out var prison)
            ? _merged.GetOrAdd((provinceId, prisonId), _ => PolicyJson.ApplyOverride(province, prison.Fields))
            : province;
    }

    /// <summary>This set plus another's provinces and overrides (one file per province is the usual layout).</summary>
    public PolicySet Union(PolicySet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PolicySet(
            _provinces.Values.Concat(other._provinces.Values),
            _overrides.Values.Concat(other._overrides.Values));
    }
}
