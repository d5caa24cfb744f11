using Visitation.Rules.Policies;
using Visitation.Rules.ReferenceData;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Visitation.Workflow.ReferenceData;

/// <summary>
/// Reads <c>organisations.json</c>, every <c>holidays/*.json</c> and every <c>policies/*.json</c> from the reference-data folder
/// (<c>ReferenceData:Path</c>, default: the copy beside the service's binaries). Each file is read once, and the bytes
/// parsed are the bytes fingerprinted, so the audit of the load names exactly what the service runs on.
/// </summary>
public static class ReferenceDataLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static ReferenceDataSet Load(IConfiguration configuration) => Read(configuration).Data;

    public static ReferenceDataSet LoadFrom(string folder) => ReadFrom(folder).Data;

    /// <summary>The reference data with the fingerprints of its files, as a service loads it at start-up.</summary>
    public static LoadedReferenceData Read(IConfiguration configuration) =>
        ReadFrom(configuration["ReferenceData:Path"] ?? Path.Combine(AppContext.BaseDirectory, "reference-data"));

    public static LoadedReferenceData ReadFrom(string folder)
    {
        var organisationsFile = ContentFile.Read(folder, "organisations.json");
        var holidayFiles = ContentFile.ReadAll(folder, "holidays");
        var policyFiles = ContentFile.ReadAll(folder, "policies");
        var organisations = Parse<OrganisationsFile>(organisationsFile);
        var holidays = holidayFiles.Select(Parse<HolidayYear>).ToList();
        var policies = policyFiles
            .Select(file => PolicyJson.Parse(System.Text.Encoding.UTF8.GetString(file.Bytes)))
            .Aggregate(new PolicySet([], []), (all, one) => all.Union(one));
        var data = new ReferenceDataSet(organisations.Provinces, organisations.Counties, organisations.Offices, organisations.Venues, organisations.Prisons, holidays, policies);
        // A notice that contradicts the regulations is a typing error or another year's file: refuse to start on it.
        if (data.HolidayNoticeErrors() is { Count: > 0 } wrong)
        {
            throw new InvalidDataException("A holiday notice in holidays/ contradicts the statutory holidays: " + string.Join("; ", wrong));
        }

        return new LoadedReferenceData(data, ContentFile.Fingerprint([organisationsFile, .. holidayFiles]), ContentFile.Fingerprint(policyFiles));
    }

    private static T Parse<T>(ContentFile file) =>
        JsonSerializer.Deserialize<T>(file.Bytes, Json) ?? throw new InvalidDataException($"{file.Name} is empty.");

    private sealed record OrganisationsFile(
        IReadOnlyList<Province> Provinces,
        IReadOnlyList<CountyBureau> Counties,
        IReadOnlyList<JudicialOffice> Offices,
        IReadOnlyList<Venue> Venues,
        IReadOnlyList<Prison> Prisons);
}
