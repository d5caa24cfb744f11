using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;
using Visitation.Protection.EntityFramework;

namespace Visitation.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<SmsMessage> Messages => Set<SmsMessage>();
    public DbSet<SmsAttempt> Attempts => Set<SmsAttempt>();

    /// <summary>The blind index of an SMS's number: the per-number sending limits count by it without opening a phone.</summary>
    public const string PhoneIndexPurpose = "sms-phone";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Recipient>(recipient =>
        {
            recipient.ToTable("recipients");
            recipient.HasKey(r => r.ApplicationId);
            // Encrypted at rest, the row as associated data (docs/encryption-at-rest.md).
            recipient.ProtectField(r => r.Phone);
        });
        modelBuilder.Entity<SmsMessage>(sms =>
        {
            sms.ToTable("sms_messages");
            sms.HasKey(m => m.Id);
            sms.ProtectField(m => m.Phone, PhoneIndexPurpose);
            sms.HasIndex(m => m.DedupKey).IsUnique();
            sms.HasIndex(m => m.ApplicationId);
            sms.HasIndex(m => m.NextAttemptAt).HasFilter("status = 'Queued'");
            sms.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            sms.Property(m => m.FailureReason).HasConversion<string>().HasMaxLength(30);
            sms.Property(m => m.Values).HasJsonColumn();
        });
        modelBuilder.Entity<SmsAttempt>(attempt =>
        {
            attempt.ToTable("sms_attempts");
            attempt.HasKey(a => a.Id);
            attempt.HasIndex(a => a.MessageId);
            attempt.HasIndex(a => a.ProviderMessageId);
            // The per-number limits count accepted attempts by time.
            attempt.HasIndex(a => a.StartedAt);
            attempt.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        });
    }
}
