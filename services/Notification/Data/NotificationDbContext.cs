using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;
using Visitation.Protection.EntityFramework;

namespace Visitation.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<SmsMessage> Messages => Set<SmsMessage>();

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
            sms.ProtectField(m => m.Phone);
            sms.HasIndex(m => m.DedupKey).IsUnique();
            sms.HasIndex(m => m.ApplicationId);
            sms.HasIndex(m => m.NextAttemptAt).HasFilter("status = 'Queued'");
            sms.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        });
    }
}
