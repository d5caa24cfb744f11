using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Rest;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(PrisonApprovalModule.Name);
builder.AddRestDoor(PrisonApprovalModule.Name, typeof(PrisonApprovalService).Assembly);
builder.AddPrisonApprovalService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRestDoor();
app.UseRateLimiter(); // after authorization: CheckEligibility is limited per signed-in user
app.MapSecuredGrpcService<PrisonApprovalGrpcService>();
app.Run();
