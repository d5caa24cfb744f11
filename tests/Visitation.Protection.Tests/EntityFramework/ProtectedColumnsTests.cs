using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Visitation.Protection.Algorithms;
using Visitation.Protection.EntityFramework;
using Visitation.Protection.Keys;

namespace Visitation.Protection.Tests.EntityFramework;

/// <summary>The EF Core layer and the sweep on real PostgreSQL: what the columns hold, what the entities see, rotation.</summary>
public sealed class ProtectedColumnsTests : IAsyncLifetime
{
    private const string IdNumber = "11010519491231002X";
    private const string Phone = "13912345678";
    private const string ContactPhone = "13787654321";

    private static readonly FieldKeyOptions V1 = TestKeys.Key(1);
    private static readonly ProtectionOptions RingV1 = TestKeys.Ring(1, V1);

    private PeopleDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await PeopleDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SavedValuesAreSealedInTheirColumnsAndReadBackInClear()
    {
        var id = await SaveAsync(RingV1);

        Assert.StartsWith("v1:", await _database.ScalarAsync<string>("SELECT id_number FROM people"), StringComparison.Ordinal);
        Assert.StartsWith("v1:", await _database.ScalarAsync<string>("SELECT phone FROM people"), StringComparison.Ordinal);
        Assert.StartsWith("v1:", await _database.ScalarAsync<string>("SELECT phone FROM contacts"), StringComparison.Ordinal);
        Assert.Equal(0L, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM people p JOIN contacts c ON c.\"PersonId\" = p.\"Id\" WHERE p::text LIKE '%{Phone}%' OR p::text LIKE '%{IdNumber}%' OR c::text LIKE '%{ContactPhone}%'"));
        await using var db = _database.Context(RingV1);
        var tracked = await db.People.SingleAsync(p => p.Id == id, Ct);
        var untracked = await db.People.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
        foreach (var person in new[] { tracked, untracked })
        {
            Assert.Equal((IdNumber, Phone, ContactPhone), (person.IdNumber, person.Phone, person.Contacts.Single().Phone));
        }
    }

    [Fact]
    public async Task AnEqualityLookupGoesThroughTheBlindIndex()
    {
        var id = await SaveAsync(RingV1);
        await SaveAsync(RingV1, idNumber: "110105194912310038");
        var protector = TestKeys.Protector(RingV1);
        await using var db = _database.Context(protector);

        var index = protector.BlindIndex(IdNumber, PeopleContext.IdNumberPurpose);
        var found = await db.People.Where(p => EF.Property<string>(p, ProtectedFieldMapping.IndexPropertyName(nameof(Person.IdNumber))) == index).ToListAsync(Ct);

        Assert.Equal(id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task AValueCopiedIntoAnotherRowFailsToOpen()
    {
        var victim = await SaveAsync(RingV1);
        var other = await SaveAsync(RingV1, idNumber: "110105194912310038");
        await _database.ExecuteAsync($"UPDATE people SET phone = (SELECT phone FROM people WHERE \"Id\" = '{victim}') WHERE \"Id\" = '{other}'");
        await using var db = _database.Context(RingV1);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => db.People.AsNoTracking().SingleAsync(p => p.Id == other, Ct));
        Assert.Equal(Phone, (await db.People.AsNoTracking().SingleAsync(p => p.Id == victim, Ct)).Phone);
    }

    [Fact]
    public async Task AnUnchangedValueKeepsItsCiphertextAndAChangedOneIsSealedAgain()
    {
        var id = await SaveAsync(RingV1);
        var phoneBefore = await _database.ScalarAsync<string>("SELECT phone FROM people");
        var idBefore = await _database.ScalarAsync<string>("SELECT id_number FROM people");
        await using (var db = _database.Context(RingV1))
        {
            var person = await db.People.SingleAsync(p => p.Id == id, Ct);
            person.Phone = "13800000000";
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(idBefore, await _database.ScalarAsync<string>("SELECT id_number FROM people"));
        Assert.NotEqual(phoneBefore, await _database.ScalarAsync<string>("SELECT phone FROM people"));
        await using var reader = _database.Context(RingV1);
        Assert.Equal("13800000000", (await reader.People.SingleAsync(p => p.Id == id, Ct)).Phone);
    }

    [Fact]
    public async Task RotationMovesEveryRowToTheNewKeyWhileOldRowsStayReadable()
    {
        var ids = new[] { await SaveAsync(RingV1), await SaveAsync(RingV1, idNumber: "110105194912310038") };
        var indexBefore = await _database.ScalarAsync<string>($"SELECT id_number_index FROM people WHERE \"Id\" = '{ids[0]}'");
        var rotated = TestKeys.Protector(TestKeys.Ring(2, V1, TestKeys.Key(2, Aes256Gcm.AlgorithmName)));

        await using (var before = _database.Context(rotated))
        {
            Assert.Equal(Phone, (await before.People.AsNoTracking().SingleAsync(p => p.Id == ids[0], Ct)).Phone);
        }

        await using (var db = _database.Context(rotated))
        {
            // Batches of one: the sweep's loop, not one lucky batch, must reach every row.
            Assert.Equal(4, await new FieldProtectionSweep(rotated).RunToEndAsync(db, batchSize: 1, Ct));
        }

        Assert.Equal(0L, await _database.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM people WHERE phone NOT LIKE 'v2:%' OR id_number NOT LIKE 'v2:%') + (SELECT count(*) FROM contacts WHERE phone NOT LIKE 'v2:%')"));
        Assert.Equal(indexBefore, await _database.ScalarAsync<string>($"SELECT id_number_index FROM people WHERE \"Id\" = '{ids[0]}'"));
        await using var after = _database.Context(rotated);
        var people = await after.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(Ct);
        Assert.Equal([Phone, Phone], people.Select(p => p.Phone));
        Assert.Equal([ContactPhone, ContactPhone], people.Select(p => p.Contacts.Single().Phone));
        await using var sweptAgain = _database.Context(rotated);
        Assert.Equal(0, await new FieldProtectionSweep(rotated).RunToEndAsync(sweptAgain, batchSize: 10, Ct));
    }

    [Fact]
    public async Task RowsWrittenInClearBeforeEncryptionAreReadAsTheyAreAndSealedByTheSweep()
    {
        var id = Guid.NewGuid();
        await _database.ExecuteAsync($"""
            INSERT INTO people ("Id", "Name", id_number, phone) VALUES ('{id}', 'legacy', '{IdNumber}', '{Phone}');
            INSERT INTO contacts ("PersonId", "Ordinal", phone) VALUES ('{id}', 0, '{ContactPhone}');
            """);
        var protector = TestKeys.Protector(RingV1);
        await using (var before = _database.Context(protector))
        {
            Assert.Equal(Phone, (await before.People.AsNoTracking().SingleAsync(p => p.Id == id, Ct)).Phone);
        }

        await using (var db = _database.Context(protector))
        {
            Assert.Equal(2, await new FieldProtectionSweep(protector).RunToEndAsync(db, batchSize: 100, Ct));
        }

        Assert.StartsWith("v1:", await _database.ScalarAsync<string>("SELECT phone FROM contacts"), StringComparison.Ordinal);
        Assert.Equal(protector.BlindIndex(IdNumber, PeopleContext.IdNumberPurpose), await _database.ScalarAsync<string>("SELECT id_number_index FROM people"));
        await using var after = _database.Context(protector);
        var person = await after.People.SingleAsync(p => p.Id == id, Ct);
        Assert.Equal((IdNumber, Phone, ContactPhone), (person.IdNumber, person.Phone, person.Contacts.Single().Phone));
    }

    [Fact]
    public async Task AValueEmptiedIsStoredEmptyWithoutAnIndexReadBackEmptyAndLeftAloneByTheSweep()
    {
        var id = await SaveAsync(RingV1);
        await using (var db = _database.Context(RingV1))
        {
            // What retention does to a closed application's numbers (docs/retention.md).
            var person = await db.People.SingleAsync(p => p.Id == id, Ct);
            (person.IdNumber, person.Phone, person.Contacts.Single().Phone) = ("", "", "");
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(1L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM people p JOIN contacts c ON c.\"PersonId\" = p.\"Id\" WHERE p.id_number = '' AND p.id_number_index IS NULL AND p.phone = '' AND c.phone = ''"));
        var rotated = TestKeys.Protector(TestKeys.Ring(2, V1, TestKeys.Key(2)));
        await using (var sweep = _database.Context(rotated))
        {
            Assert.Equal(0, await new FieldProtectionSweep(rotated).RunToEndAsync(sweep, batchSize: 10, Ct));
        }

        await using var reader = _database.Context(rotated);
        var read = await reader.People.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
        Assert.Equal(("", "", ""), (read.IdNumber, read.Phone, read.Contacts.Single().Phone));
    }

    private async Task<Guid> SaveAsync(ProtectionOptions ring, string idNumber = IdNumber)
    {
        await using var db = _database.Context(ring);
        var person = new Person
        {
            Id = Guid.CreateVersion7(),
            Name = "person-" + idNumber[^4..],
            IdNumber = idNumber,
            Phone = Phone,
            Contacts = [new Contact { Ordinal = 0, Phone = ContactPhone }],
        };
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return person.Id;
    }
}
