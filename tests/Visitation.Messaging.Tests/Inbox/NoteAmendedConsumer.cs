using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Inbox;

/// <summary>
/// Appends to a versioned note, as a timeline consumer moves an application on: it reads the row, and
/// its save fails when another write to the same row landed in between (<see cref="RacingWriter"/>).
/// </summary>
public sealed class NoteAmendedConsumer(TestDbContext db, TimeProvider clock, RacingWriter racing) : InboxConsumer<NoteAmended, TestDbContext>(db, clock)
{
    protected override async Task HandleAsync(NoteAmended message, CancellationToken cancellationToken)
    {
        racing.Attempts++;
        var note = await Db.VersionedNotes.SingleAsync(n => n.Id == message.NoteId, cancellationToken);
        await racing.WriteMeanwhileAsync(message.NoteId, cancellationToken);
        note.Text += message.Addition;
    }
}

public sealed record NoteAmended(int NoteId, string Addition);

/// <summary>
/// Another writer of the note — another event about the same record — that saves between the consumer's
/// read and its save on the first <see cref="Races"/> attempts.
/// </summary>
public sealed class RacingWriter(TestDatabase database)
{
    public int Races { get; set; }

    public int Attempts { get; set; }

    public async Task WriteMeanwhileAsync(int noteId, CancellationToken cancellationToken)
    {
        if (Attempts > Races)
        {
            return;
        }

        await using var other = database.NewContext();
        (await other.VersionedNotes.SingleAsync(n => n.Id == noteId, cancellationToken)).Text += $"；另一事件{Attempts}";
        await other.SaveChangesAsync(cancellationToken);
    }
}
