using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Visitation.Protection.EntityFramework;
using Visitation.Protection.Keys;

namespace Visitation.Protection.Tests.EntityFramework;

/// <summary>
/// Rotating a shared blind-index key (the visitor key, docs/data-minimisation.md) on real
/// PostgreSQL: while the new key is current and the old one its previous version, a lookup from a
/// full number finds rows indexed under either; the sweep re-indexes every row it can open under the
/// new key, once; after the window the new key alone finds them all.
/// </summary>
public sealed class SharedKeyRotationTests : IAsyncLifetime
{
    private static readonly FieldKeyOptions V1 = TestKeys.Key(1);
    private static readonly string OldShared = Secret();
    private static readonly string NewShared = Secret();
    private static readonly string[] IdNumbers = ["11010519491231002X", "110105194912310038", "440524188001010014"];

    private PeopleDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await PeopleDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task DuringTheWindowEitherKeyFindsARowAndTheSweepReindexesEveryRowOnceUnderTheNewKey()
    {
        var before = Ring(new IndexKeyOptions { Secret = OldShared });
        var during = Ring(new IndexKeyOptions { Secret = NewShared, Previous = new IndexKeyOptions { Secret = OldShared } });
        var after = Ring(new IndexKeyOptions { Secret = NewShared });
        await using (var db = _database.Context(before))
        {
            db.People.AddRange(IdNumbers.Select(id => new Person { Id = Guid.CreateVersion7(), Name = "甲", IdNumber = id, Phone = "13912345678" }));
            await db.SaveChangesAsync(Ct);
        }

        var rotating = TestKeys.Protector(during);
        Assert.Equal([TestKeys.Protector(after).BlindIndex(IdNumbers[0], PeopleContext.IdNumberPurpose), TestKeys.Protector(before).BlindIndex(IdNumbers[0], PeopleContext.IdNumberPurpose)],
            rotating.BlindIndexes(IdNumbers[0], PeopleContext.IdNumberPurpose));
        // Before the re-index: the rows carry the old index, and the lookup over every live version finds them.
        Assert.Equal(IdNumbers.Length, await FoundAsync(rotating, rotating.BlindIndexes));
        Assert.Equal(0, await FoundAsync(TestKeys.Protector(after), (id, purpose) => [TestKeys.Protector(after).BlindIndex(id, purpose)]));

        await using (var db = _database.Context(rotating))
        {
            Assert.Equal(IdNumbers.Length, await new FieldProtectionSweep(rotating).RunToEndAsync(db, batchSize: 1, Ct));
            Assert.Equal(0, await new FieldProtectionSweep(rotating).ReindexAsync(db, batchSize: 1, Ct));
        }

        // After it: the new key alone finds every row, the values still open, and nothing was re-sealed.
        var done = TestKeys.Protector(after);
        Assert.Equal(IdNumbers.Length, await FoundAsync(done, (id, purpose) => [done.BlindIndex(id, purpose)]));
        Assert.Equal(IdNumbers.Length, await FoundAsync(rotating, rotating.BlindIndexes));
        await using var read = _database.Context(after);
        Assert.Equal(IdNumbers.Order(StringComparer.Ordinal), (await read.People.Select(p => p.IdNumber).ToListAsync(Ct)).Order(StringComparer.Ordinal));
        Assert.Equal((long)IdNumbers.Length, await _database.ScalarAsync<long>("SELECT count(*) FROM people WHERE id_number LIKE 'v1:%'"));
    }

    [Fact]
    public async Task OutsideARotationTheSweepReindexesNothing()
    {
        var ring = Ring(new IndexKeyOptions { Secret = OldShared });
        var protector = TestKeys.Protector(ring);
        await using var db = _database.Context(protector);
        db.People.Add(new Person { Id = Guid.CreateVersion7(), Name = "乙", IdNumber = IdNumbers[1], Phone = "13912345678" });
        await db.SaveChangesAsync(Ct);

        Assert.False(protector.IsRotating(PeopleContext.IdNumberPurpose));
        Assert.Equal(0, await new FieldProtectionSweep(protector).ReindexAsync(db, batchSize: 10, Ct));
    }

    /// <summary>How many of the people are found by the blind indexes the lookup computes from their numbers.</summary>
    private async Task<int> FoundAsync(FieldProtector protector, Func<string, string, IReadOnlyList<string>> indexes)
    {
        await using var db = _database.Context(protector);
        var found = 0;
        foreach (var id in IdNumbers)
        {
            var keys = indexes(id, PeopleContext.IdNumberPurpose).ToList();
            found += await db.People.CountAsync(p => keys.Contains(EF.Property<string>(p, ProtectedFieldMapping.IndexPropertyName(nameof(Person.IdNumber)))), Ct);
        }

        return found;
    }

    /// <summary>A service's ring whose ID-number index is a shared key, as the visitor key is.</summary>
    private static ProtectionOptions Ring(IndexKeyOptions shared)
    {
        var ring = TestKeys.Ring(1, V1);
        ring.SharedIndexes[PeopleContext.IdNumberPurpose] = shared;
        return ring;
    }

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
