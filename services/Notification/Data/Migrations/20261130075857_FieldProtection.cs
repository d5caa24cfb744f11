using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class FieldProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No schema change: the sealed values take the columns the clear ones had. Encrypting the
            // rows already written needs the key ring, which a migration has not: the service's
            // field-protection sweep seals them in the background once it has started
            // (Visitation.Protection, docs/encryption-at-rest.md). Until then they are read as they are.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
