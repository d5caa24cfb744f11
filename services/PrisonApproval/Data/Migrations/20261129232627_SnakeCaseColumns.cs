using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.PrisonApproval.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnakeCaseColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"inmate_statuses\" RENAME CONSTRAINT \"FK_inmate_statuses_inmates_InmateId\" TO \"fk_inmate_statuses_inmates_inmate_id\";");

            migrationBuilder.Sql("ALTER TABLE \"special_approvals\" RENAME CONSTRAINT \"PK_special_approvals\" TO \"pk_special_approvals\";");

            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"PK_scheduled_messages\" TO \"pk_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"relatives\" RENAME CONSTRAINT \"PK_relatives\" TO \"pk_relatives\";");

            migrationBuilder.Sql("ALTER TABLE \"quota_entries\" RENAME CONSTRAINT \"PK_quota_entries\" TO \"pk_quota_entries\";");

            migrationBuilder.DropIndex(
                name: "IX_quota_entries_ApplicationId",
                table: "quota_entries");

            migrationBuilder.DropIndex(
                name: "IX_quota_entries_InmateId_RequestId",
                table: "quota_entries");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"PK_outbox_messages\" TO \"pk_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inmates\" RENAME CONSTRAINT \"PK_inmates\" TO \"pk_inmates\";");

            migrationBuilder.Sql("ALTER TABLE \"inmate_statuses\" RENAME CONSTRAINT \"PK_inmate_statuses\" TO \"pk_inmate_statuses\";");

            migrationBuilder.DropIndex(
                name: "IX_inmate_statuses_VisitId",
                table: "inmate_statuses");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"PK_inbox_messages\" TO \"pk_inbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"barred_visitors\" RENAME CONSTRAINT \"PK_barred_visitors\" TO \"pk_barred_visitors\";");

            migrationBuilder.Sql("ALTER TABLE \"approvals\" RENAME CONSTRAINT \"PK_approvals\" TO \"pk_approvals\";");

            migrationBuilder.Sql("ALTER TABLE \"application_tombstones\" RENAME CONSTRAINT \"PK_application_tombstones\" TO \"pk_application_tombstones\";");

            migrationBuilder.RenameColumn(
                name: "Signatories",
                table: "special_approvals",
                newName: "signatories");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "special_approvals",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "Month",
                table: "special_approvals",
                newName: "month");

            migrationBuilder.RenameColumn(
                name: "Kind",
                table: "special_approvals",
                newName: "kind");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "special_approvals",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "RecordedBy",
                table: "special_approvals",
                newName: "recorded_by");

            migrationBuilder.RenameColumn(
                name: "RecordedAt",
                table: "special_approvals",
                newName: "recorded_at");

            migrationBuilder.RenameColumn(
                name: "InmateId",
                table: "special_approvals",
                newName: "inmate_id");

            migrationBuilder.RenameColumn(
                name: "ApprovedBy",
                table: "special_approvals",
                newName: "approved_by");

            migrationBuilder.RenameIndex(
                name: "IX_special_approvals_InmateId_Month",
                table: "special_approvals",
                newName: "ix_special_approvals_inmate_id_month");

            migrationBuilder.RenameColumn(
                name: "Relation",
                table: "relatives",
                newName: "relation");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "relatives",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "relatives",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "InmateId",
                table: "relatives",
                newName: "inmate_id");

            migrationBuilder.RenameColumn(
                name: "IdNumber",
                table: "relatives",
                newName: "id_number");

            migrationBuilder.RenameColumn(
                name: "FirstApplicationId",
                table: "relatives",
                newName: "first_application_id");

            migrationBuilder.RenameColumn(
                name: "ConfirmedBy",
                table: "relatives",
                newName: "confirmed_by");

            migrationBuilder.RenameColumn(
                name: "ConfirmedAt",
                table: "relatives",
                newName: "confirmed_at");

            migrationBuilder.RenameIndex(
                name: "IX_relatives_InmateId_IdNumber",
                table: "relatives",
                newName: "ix_relatives_inmate_id_id_number");

            migrationBuilder.RenameColumn(
                name: "Outcome",
                table: "quota_entries",
                newName: "outcome");

            migrationBuilder.RenameColumn(
                name: "Note",
                table: "quota_entries",
                newName: "note");

            migrationBuilder.RenameColumn(
                name: "Month",
                table: "quota_entries",
                newName: "month");

            migrationBuilder.RenameColumn(
                name: "Mode",
                table: "quota_entries",
                newName: "mode");

            migrationBuilder.RenameColumn(
                name: "Date",
                table: "quota_entries",
                newName: "date");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "quota_entries",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "VisitReportedAt",
                table: "quota_entries",
                newName: "visit_reported_at");

            migrationBuilder.RenameColumn(
                name: "VisitId",
                table: "quota_entries",
                newName: "visit_id");

            migrationBuilder.RenameColumn(
                name: "RequestId",
                table: "quota_entries",
                newName: "request_id");

            migrationBuilder.RenameColumn(
                name: "RecordedBy",
                table: "quota_entries",
                newName: "recorded_by");

            migrationBuilder.RenameColumn(
                name: "RecordedAt",
                table: "quota_entries",
                newName: "recorded_at");

            migrationBuilder.RenameColumn(
                name: "MinutesUsed",
                table: "quota_entries",
                newName: "minutes_used");

            migrationBuilder.RenameColumn(
                name: "InmateId",
                table: "quota_entries",
                newName: "inmate_id");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "quota_entries",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_quota_entries_InmateId_Month",
                table: "quota_entries",
                newName: "ix_quota_entries_inmate_id_month");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "ix_outbox_messages_message_id");

            migrationBuilder.RenameColumn(
                name: "Name",
                table: "inmates",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Juvenile",
                table: "inmates",
                newName: "juvenile");

            migrationBuilder.RenameColumn(
                name: "Custody",
                table: "inmates",
                newName: "custody");

            migrationBuilder.RenameColumn(
                name: "Area",
                table: "inmates",
                newName: "area");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "inmates",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UpdatedAt",
                table: "inmates",
                newName: "updated_at");

            migrationBuilder.RenameColumn(
                name: "TransferredTo",
                table: "inmates",
                newName: "transferred_to");

            migrationBuilder.RenameColumn(
                name: "PrisonId",
                table: "inmates",
                newName: "prison_id");

            migrationBuilder.RenameColumn(
                name: "ManagementLevel",
                table: "inmates",
                newName: "management_level");

            migrationBuilder.RenameColumn(
                name: "LeftOn",
                table: "inmates",
                newName: "left_on");

            migrationBuilder.RenameColumn(
                name: "InmateNumber",
                table: "inmates",
                newName: "inmate_number");

            migrationBuilder.RenameColumn(
                name: "CrimeCategories",
                table: "inmates",
                newName: "crime_categories");

            migrationBuilder.RenameIndex(
                name: "IX_inmates_PrisonId_Name",
                table: "inmates",
                newName: "ix_inmates_prison_id_name");

            migrationBuilder.RenameIndex(
                name: "IX_inmates_PrisonId_InmateNumber",
                table: "inmates",
                newName: "ix_inmates_prison_id_inmate_number");

            migrationBuilder.RenameColumn(
                name: "To",
                table: "inmate_statuses",
                newName: "to");

            migrationBuilder.RenameColumn(
                name: "Source",
                table: "inmate_statuses",
                newName: "source");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "inmate_statuses",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "Kind",
                table: "inmate_statuses",
                newName: "kind");

            migrationBuilder.RenameColumn(
                name: "From",
                table: "inmate_statuses",
                newName: "from");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "inmate_statuses",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "VisitId",
                table: "inmate_statuses",
                newName: "visit_id");

            migrationBuilder.RenameColumn(
                name: "SetBy",
                table: "inmate_statuses",
                newName: "set_by");

            migrationBuilder.RenameColumn(
                name: "SetAt",
                table: "inmate_statuses",
                newName: "set_at");

            migrationBuilder.RenameColumn(
                name: "InmateId",
                table: "inmate_statuses",
                newName: "inmate_id");

            migrationBuilder.RenameIndex(
                name: "IX_inmate_statuses_InmateId",
                table: "inmate_statuses",
                newName: "ix_inmate_statuses_inmate_id");

            migrationBuilder.RenameColumn(
                name: "To",
                table: "barred_visitors",
                newName: "to");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "barred_visitors",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "From",
                table: "barred_visitors",
                newName: "from");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "barred_visitors",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "SetBy",
                table: "barred_visitors",
                newName: "set_by");

            migrationBuilder.RenameColumn(
                name: "SetAt",
                table: "barred_visitors",
                newName: "set_at");

            migrationBuilder.RenameColumn(
                name: "PrisonId",
                table: "barred_visitors",
                newName: "prison_id");

            migrationBuilder.RenameColumn(
                name: "IdNumber",
                table: "barred_visitors",
                newName: "id_number");

            migrationBuilder.RenameIndex(
                name: "IX_barred_visitors_PrisonId_IdNumber",
                table: "barred_visitors",
                newName: "ix_barred_visitors_prison_id_id_number");

            migrationBuilder.RenameColumn(
                name: "Status",
                table: "approvals",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "approvals",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "Failures",
                table: "approvals",
                newName: "failures");

            migrationBuilder.RenameColumn(
                name: "Application",
                table: "approvals",
                newName: "application");

            migrationBuilder.RenameColumn(
                name: "VisitMonthStart",
                table: "approvals",
                newName: "visit_month_start");

            migrationBuilder.RenameColumn(
                name: "ReceivedAt",
                table: "approvals",
                newName: "received_at");

            migrationBuilder.RenameColumn(
                name: "ReasonCode",
                table: "approvals",
                newName: "reason_code");

            migrationBuilder.RenameColumn(
                name: "PrisonId",
                table: "approvals",
                newName: "prison_id");

            migrationBuilder.RenameColumn(
                name: "InmateNumber",
                table: "approvals",
                newName: "inmate_number");

            migrationBuilder.RenameColumn(
                name: "InmateName",
                table: "approvals",
                newName: "inmate_name");

            migrationBuilder.RenameColumn(
                name: "DueBy",
                table: "approvals",
                newName: "due_by");

            migrationBuilder.RenameColumn(
                name: "DecidedBy",
                table: "approvals",
                newName: "decided_by");

            migrationBuilder.RenameColumn(
                name: "DecidedAt",
                table: "approvals",
                newName: "decided_at");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "approvals",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_approvals_PrisonId_Status_ReceivedAt",
                table: "approvals",
                newName: "ix_approvals_prison_id_status_received_at");

            migrationBuilder.RenameIndex(
                name: "IX_approvals_PrisonId_InmateName_Status",
                table: "approvals",
                newName: "ix_approvals_prison_id_inmate_name_status");

            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "application_tombstones",
                newName: "reason");

            migrationBuilder.RenameColumn(
                name: "WithdrawnAt",
                table: "application_tombstones",
                newName: "withdrawn_at");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                table: "application_tombstones",
                newName: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_quota_entries_application_id",
                table: "quota_entries",
                column: "application_id",
                unique: true,
                filter: "application_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_quota_entries_inmate_id_request_id",
                table: "quota_entries",
                columns: new[] { "inmate_id", "request_id" },
                unique: true,
                filter: "request_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inmate_statuses_visit_id",
                table: "inmate_statuses",
                column: "visit_id",
                unique: true,
                filter: "visit_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"inmate_statuses\" RENAME CONSTRAINT \"fk_inmate_statuses_inmates_inmate_id\" TO \"FK_inmate_statuses_inmates_InmateId\";");

            migrationBuilder.Sql("ALTER TABLE \"special_approvals\" RENAME CONSTRAINT \"pk_special_approvals\" TO \"PK_special_approvals\";");

            migrationBuilder.Sql("ALTER TABLE \"scheduled_messages\" RENAME CONSTRAINT \"pk_scheduled_messages\" TO \"PK_scheduled_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"relatives\" RENAME CONSTRAINT \"pk_relatives\" TO \"PK_relatives\";");

            migrationBuilder.Sql("ALTER TABLE \"quota_entries\" RENAME CONSTRAINT \"pk_quota_entries\" TO \"PK_quota_entries\";");

            migrationBuilder.DropIndex(
                name: "ix_quota_entries_application_id",
                table: "quota_entries");

            migrationBuilder.DropIndex(
                name: "ix_quota_entries_inmate_id_request_id",
                table: "quota_entries");

            migrationBuilder.Sql("ALTER TABLE \"outbox_messages\" RENAME CONSTRAINT \"pk_outbox_messages\" TO \"PK_outbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"inmates\" RENAME CONSTRAINT \"pk_inmates\" TO \"PK_inmates\";");

            migrationBuilder.Sql("ALTER TABLE \"inmate_statuses\" RENAME CONSTRAINT \"pk_inmate_statuses\" TO \"PK_inmate_statuses\";");

            migrationBuilder.DropIndex(
                name: "ix_inmate_statuses_visit_id",
                table: "inmate_statuses");

            migrationBuilder.Sql("ALTER TABLE \"inbox_messages\" RENAME CONSTRAINT \"pk_inbox_messages\" TO \"PK_inbox_messages\";");

            migrationBuilder.Sql("ALTER TABLE \"barred_visitors\" RENAME CONSTRAINT \"pk_barred_visitors\" TO \"PK_barred_visitors\";");

            migrationBuilder.Sql("ALTER TABLE \"approvals\" RENAME CONSTRAINT \"pk_approvals\" TO \"PK_approvals\";");

            migrationBuilder.Sql("ALTER TABLE \"application_tombstones\" RENAME CONSTRAINT \"pk_application_tombstones\" TO \"PK_application_tombstones\";");

            migrationBuilder.RenameColumn(
                name: "signatories",
                table: "special_approvals",
                newName: "Signatories");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "special_approvals",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "month",
                table: "special_approvals",
                newName: "Month");

            migrationBuilder.RenameColumn(
                name: "kind",
                table: "special_approvals",
                newName: "Kind");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "special_approvals",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "recorded_by",
                table: "special_approvals",
                newName: "RecordedBy");

            migrationBuilder.RenameColumn(
                name: "recorded_at",
                table: "special_approvals",
                newName: "RecordedAt");

            migrationBuilder.RenameColumn(
                name: "inmate_id",
                table: "special_approvals",
                newName: "InmateId");

            migrationBuilder.RenameColumn(
                name: "approved_by",
                table: "special_approvals",
                newName: "ApprovedBy");

            migrationBuilder.RenameIndex(
                name: "ix_special_approvals_inmate_id_month",
                table: "special_approvals",
                newName: "IX_special_approvals_InmateId_Month");

            migrationBuilder.RenameColumn(
                name: "relation",
                table: "relatives",
                newName: "Relation");

            migrationBuilder.RenameColumn(
                name: "name",
                table: "relatives",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "relatives",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "inmate_id",
                table: "relatives",
                newName: "InmateId");

            migrationBuilder.RenameColumn(
                name: "id_number",
                table: "relatives",
                newName: "IdNumber");

            migrationBuilder.RenameColumn(
                name: "first_application_id",
                table: "relatives",
                newName: "FirstApplicationId");

            migrationBuilder.RenameColumn(
                name: "confirmed_by",
                table: "relatives",
                newName: "ConfirmedBy");

            migrationBuilder.RenameColumn(
                name: "confirmed_at",
                table: "relatives",
                newName: "ConfirmedAt");

            migrationBuilder.RenameIndex(
                name: "ix_relatives_inmate_id_id_number",
                table: "relatives",
                newName: "IX_relatives_InmateId_IdNumber");

            migrationBuilder.RenameColumn(
                name: "outcome",
                table: "quota_entries",
                newName: "Outcome");

            migrationBuilder.RenameColumn(
                name: "note",
                table: "quota_entries",
                newName: "Note");

            migrationBuilder.RenameColumn(
                name: "month",
                table: "quota_entries",
                newName: "Month");

            migrationBuilder.RenameColumn(
                name: "mode",
                table: "quota_entries",
                newName: "Mode");

            migrationBuilder.RenameColumn(
                name: "date",
                table: "quota_entries",
                newName: "Date");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "quota_entries",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "visit_reported_at",
                table: "quota_entries",
                newName: "VisitReportedAt");

            migrationBuilder.RenameColumn(
                name: "visit_id",
                table: "quota_entries",
                newName: "VisitId");

            migrationBuilder.RenameColumn(
                name: "request_id",
                table: "quota_entries",
                newName: "RequestId");

            migrationBuilder.RenameColumn(
                name: "recorded_by",
                table: "quota_entries",
                newName: "RecordedBy");

            migrationBuilder.RenameColumn(
                name: "recorded_at",
                table: "quota_entries",
                newName: "RecordedAt");

            migrationBuilder.RenameColumn(
                name: "minutes_used",
                table: "quota_entries",
                newName: "MinutesUsed");

            migrationBuilder.RenameColumn(
                name: "inmate_id",
                table: "quota_entries",
                newName: "InmateId");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "quota_entries",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_quota_entries_inmate_id_month",
                table: "quota_entries",
                newName: "IX_quota_entries_InmateId_Month");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                newName: "IX_outbox_messages_message_id");

            migrationBuilder.RenameColumn(
                name: "name",
                table: "inmates",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "juvenile",
                table: "inmates",
                newName: "Juvenile");

            migrationBuilder.RenameColumn(
                name: "custody",
                table: "inmates",
                newName: "Custody");

            migrationBuilder.RenameColumn(
                name: "area",
                table: "inmates",
                newName: "Area");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "inmates",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "updated_at",
                table: "inmates",
                newName: "UpdatedAt");

            migrationBuilder.RenameColumn(
                name: "transferred_to",
                table: "inmates",
                newName: "TransferredTo");

            migrationBuilder.RenameColumn(
                name: "prison_id",
                table: "inmates",
                newName: "PrisonId");

            migrationBuilder.RenameColumn(
                name: "management_level",
                table: "inmates",
                newName: "ManagementLevel");

            migrationBuilder.RenameColumn(
                name: "left_on",
                table: "inmates",
                newName: "LeftOn");

            migrationBuilder.RenameColumn(
                name: "inmate_number",
                table: "inmates",
                newName: "InmateNumber");

            migrationBuilder.RenameColumn(
                name: "crime_categories",
                table: "inmates",
                newName: "CrimeCategories");

            migrationBuilder.RenameIndex(
                name: "ix_inmates_prison_id_name",
                table: "inmates",
                newName: "IX_inmates_PrisonId_Name");

            migrationBuilder.RenameIndex(
                name: "ix_inmates_prison_id_inmate_number",
                table: "inmates",
                newName: "IX_inmates_PrisonId_InmateNumber");

            migrationBuilder.RenameColumn(
                name: "to",
                table: "inmate_statuses",
                newName: "To");

            migrationBuilder.RenameColumn(
                name: "source",
                table: "inmate_statuses",
                newName: "Source");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "inmate_statuses",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "kind",
                table: "inmate_statuses",
                newName: "Kind");

            migrationBuilder.RenameColumn(
                name: "from",
                table: "inmate_statuses",
                newName: "From");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "inmate_statuses",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "visit_id",
                table: "inmate_statuses",
                newName: "VisitId");

            migrationBuilder.RenameColumn(
                name: "set_by",
                table: "inmate_statuses",
                newName: "SetBy");

            migrationBuilder.RenameColumn(
                name: "set_at",
                table: "inmate_statuses",
                newName: "SetAt");

            migrationBuilder.RenameColumn(
                name: "inmate_id",
                table: "inmate_statuses",
                newName: "InmateId");

            migrationBuilder.RenameIndex(
                name: "ix_inmate_statuses_inmate_id",
                table: "inmate_statuses",
                newName: "IX_inmate_statuses_InmateId");

            migrationBuilder.RenameColumn(
                name: "to",
                table: "barred_visitors",
                newName: "To");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "barred_visitors",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "from",
                table: "barred_visitors",
                newName: "From");

            migrationBuilder.RenameColumn(
                name: "id",
                table: "barred_visitors",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "set_by",
                table: "barred_visitors",
                newName: "SetBy");

            migrationBuilder.RenameColumn(
                name: "set_at",
                table: "barred_visitors",
                newName: "SetAt");

            migrationBuilder.RenameColumn(
                name: "prison_id",
                table: "barred_visitors",
                newName: "PrisonId");

            migrationBuilder.RenameColumn(
                name: "id_number",
                table: "barred_visitors",
                newName: "IdNumber");

            migrationBuilder.RenameIndex(
                name: "ix_barred_visitors_prison_id_id_number",
                table: "barred_visitors",
                newName: "IX_barred_visitors_PrisonId_IdNumber");

            migrationBuilder.RenameColumn(
                name: "status",
                table: "approvals",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "approvals",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "failures",
                table: "approvals",
                newName: "Failures");

            migrationBuilder.RenameColumn(
                name: "application",
                table: "approvals",
                newName: "Application");

            migrationBuilder.RenameColumn(
                name: "visit_month_start",
                table: "approvals",
                newName: "VisitMonthStart");

            migrationBuilder.RenameColumn(
                name: "received_at",
                table: "approvals",
                newName: "ReceivedAt");

            migrationBuilder.RenameColumn(
                name: "reason_code",
                table: "approvals",
                newName: "ReasonCode");

            migrationBuilder.RenameColumn(
                name: "prison_id",
                table: "approvals",
                newName: "PrisonId");

            migrationBuilder.RenameColumn(
                name: "inmate_number",
                table: "approvals",
                newName: "InmateNumber");

            migrationBuilder.RenameColumn(
                name: "inmate_name",
                table: "approvals",
                newName: "InmateName");

            migrationBuilder.RenameColumn(
                name: "due_by",
                table: "approvals",
                newName: "DueBy");

            migrationBuilder.RenameColumn(
                name: "decided_by",
                table: "approvals",
                newName: "DecidedBy");

            migrationBuilder.RenameColumn(
                name: "decided_at",
                table: "approvals",
                newName: "DecidedAt");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "approvals",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_approvals_prison_id_status_received_at",
                table: "approvals",
                newName: "IX_approvals_PrisonId_Status_ReceivedAt");

            migrationBuilder.RenameIndex(
                name: "ix_approvals_prison_id_inmate_name_status",
                table: "approvals",
                newName: "IX_approvals_PrisonId_InmateName_Status");

            migrationBuilder.RenameColumn(
                name: "reason",
                table: "application_tombstones",
                newName: "Reason");

            migrationBuilder.RenameColumn(
                name: "withdrawn_at",
                table: "application_tombstones",
                newName: "WithdrawnAt");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "application_tombstones",
                newName: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_quota_entries_ApplicationId",
                table: "quota_entries",
                column: "ApplicationId",
                unique: true,
                filter: "\"ApplicationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_quota_entries_InmateId_RequestId",
                table: "quota_entries",
                columns: new[] { "InmateId", "RequestId" },
                unique: true,
                filter: "\"RequestId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_inmate_statuses_VisitId",
                table: "inmate_statuses",
                column: "VisitId",
                unique: true,
                filter: "\"VisitId\" IS NOT NULL");
        }
    }
}
