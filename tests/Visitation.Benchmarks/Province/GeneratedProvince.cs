namespace Visitation.Benchmarks.Province;

/// <summary>A generated prison: its id and its areas (监区), whose video days come from the shipped template prison's rules.</summary>
public sealed record BenchPrison(string Id, IReadOnlyList<string> Areas);

/// <summary>A generated county bureau with its video room and its judicial offices.</summary>
public sealed record BenchCounty(string Id, string VenueId, IReadOnlyList<string> Offices);

/// <summary>The organisations the load spreads its applications over, and where their reference data was written.</summary>
public sealed record GeneratedProvince(string Directory, IReadOnlyList<BenchPrison> Prisons, IReadOnlyList<BenchCounty> Counties)
{
    public int Offices => Counties.Sum(c => c.Offices.Count);
}
