using Visitation.PrisonApproval;
using Visitation.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(PrisonApprovalModule.Name);
builder.AddPrisonApprovalService();

var app = builder.Build();
app.MapServiceDefaults();
app.UseRateLimiter(); // after authorization: CheckEligibility is limited per signed-in user
app.MapSecuredGrpcService<PrisonApprovalGrpcService>();
app.Run();
