using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Review;

/// <summary>What the shared task table (<c>_ReviewTasks.cshtml</c>) shows; <see cref="Linked"/> rows open the decision page.</summary>
public sealed record ReviewTaskList(IReadOnlyList<ReviewTask> Rows, string Caption, bool Linked, DateTimeOffset Now, ReferenceDataSet Reference);
