import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { AppLayout } from '@web/components/layout/app-layout';
import { RouteError } from '@web/components/layout/route-error';
import { HomePage } from '@web/features/home/pages/home-page';
import { NotFoundPage } from '@web/features/errors/pages/not-found-page';

/**
 * A public page that visitors land on from outside (vite.config.ts PUBLIC_PAGES lists the same): the router loads its
 * module before it renders the route, so that a first visit paints the page at once rather than a spinner first; the
 * server has the module downloaded with the HTML (scripts/vite-route-preloads.ts). Other pages load with React.lazy.
 */
function landingPage(load: () => Promise<{ default: ComponentType }>) {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

/** Every page but the home page is a chunk of its own, loaded when a visitor opens it. */
const ProgrammesPage = landingPage(() =>
  import('@web/features/programmes/pages/programmes-page').then((m) => ({ default: m.ProgrammesPage })),
);
const ProgrammePage = landingPage(() =>
  import('@web/features/programmes/pages/programme-page').then((m) => ({ default: m.ProgrammePage })),
);
const ProvincesPage = landingPage(() =>
  import('@web/features/provinces/pages/provinces-page').then((m) => ({ default: m.ProvincesPage })),
);
const ProvincePage = landingPage(() =>
  import('@web/features/provinces/pages/province-page').then((m) => ({ default: m.ProvincePage })),
);
/** The map page (and, inside it, ECharts) loads only when a visitor opens it. */
const MapPage = landingPage(() => import('@web/features/map/pages/map-page'));

/** Account and administration pages: separate chunks, so that the public pages stay light. */
const RegisterPage = lazy(() => import('@web/features/accounts/pages/register-page'));
const VerifyEmailPage = lazy(() => import('@web/features/accounts/pages/verify-email-page'));
const LoginPage = lazy(() => import('@web/features/accounts/pages/login-page'));
const ForgotPasswordPage = lazy(() => import('@web/features/accounts/pages/forgot-password-page'));
const ResetPasswordPage = lazy(() => import('@web/features/accounts/pages/reset-password-page'));
const AccountPage = lazy(() => import('@web/features/accounts/pages/account-page'));
const TwoFactorPage = lazy(() => import('@web/features/accounts/pages/two-factor-page'));
const AuditPage = lazy(() => import('@web/features/audit/pages/audit-page'));
const DevMailPage = lazy(() => import('@web/features/notifications/pages/dev-mail-page'));
const OrganisationsPage = lazy(() => import('@web/features/organisations/pages/organisations-page'));
const OrganisationNewPage = lazy(() => import('@web/features/organisations/pages/organisation-new-page'));
const OrganisationPage = lazy(() => import('@web/features/organisations/pages/organisation-page'));
const OrganisationEditPage = lazy(() => import('@web/features/organisations/pages/organisation-edit-page'));
const AcceptInvitationPage = lazy(() => import('@web/features/organisations/pages/accept-invitation-page'));
const AdminUsersPage = lazy(() => import('@web/features/admin-users/pages/admin-users-page'));
const TargetGroupPage = lazy(() => import('@web/features/target-group/pages/target-group-page'));
const CallsPage = landingPage(() => import('@web/features/calls/pages/calls-page'));
const CallPage = landingPage(() => import('@web/features/calls/pages/call-page'));
const MyProposalsPage = lazy(() => import('@web/features/proposals/pages/my-proposals-page'));
const ProposalPage = lazy(() => import('@web/features/proposals/pages/proposal-page'));
const ProgrammeEditPage = lazy(() => import('@web/features/call-admin/pages/programme-edit-page'));
const CallsAdminPage = lazy(() => import('@web/features/call-admin/pages/calls-admin-page'));
const CallEditPage = lazy(() => import('@web/features/call-admin/pages/call-edit-page'));
const FormBuilderPage = lazy(() => import('@web/features/call-admin/pages/form-builder-page'));
const IntakePage = lazy(() => import('@web/features/intake/pages/intake-page'));
const RubricPage = lazy(() => import('@web/features/reviews/pages/rubric-page'));
const RankingPage = lazy(() => import('@web/features/reviews/pages/ranking-page'));
const ResultsPage = landingPage(() => import('@web/features/decisions/pages/results-page'));
const NotificationsPage = lazy(() => import('@web/features/inbox/pages/notifications-page'));
const ContestsPage = landingPage(() => import('@web/features/contests/pages/contests-page'));
const ContestPage = landingPage(() => import('@web/features/contests/pages/contest-page'));
const NominatePage = lazy(() => import('@web/features/contests/pages/nominate-page'));
const WinnersPage = lazy(() => import('@web/features/contests/pages/winners-page'));
const CertificatePage = lazy(() => import('@web/features/contests/pages/certificate-page'));
const AdminContestsPage = lazy(() => import('@web/features/contests/pages/admin-contests-page'));
const ContestEditPage = lazy(() => import('@web/features/contests/pages/contest-edit-page'));
const ContestAdminPage = lazy(() => import('@web/features/contests/pages/contest-admin-page'));
const JudgingPage = lazy(() => import('@web/features/contests/pages/judging-page'));
const JudgingSheetPage = lazy(() => import('@web/features/contests/pages/judging-sheet-page'));
const VotePage = lazy(() => import('@web/features/peoples-choice/pages/vote-page'));
const CallReviewersPage = lazy(() => import('@web/features/reviewers/pages/call-reviewers-page'));
const MyReviewsPage = lazy(() => import('@web/features/reviewers/pages/my-reviews-page'));
const ReviewAssignmentPage = lazy(() => import('@web/features/reviewers/pages/review-assignment-page'));
const ReviewerProfilePage = lazy(() => import('@web/features/reviewers/pages/reviewer-profile-page'));
const ProjectReportPage = lazy(() => import('@web/features/project-reports/pages/report-page'));
const ProjectsPage = lazy(() => import('@web/features/projects/pages/projects-page'));
const ProjectPage = lazy(() => import('@web/features/projects/pages/project-page'));
const ProjectSetupPage = lazy(() => import('@web/features/projects/pages/project-setup-page'));
const DisbursementsPage = lazy(() => import('@web/features/projects/pages/disbursements-page'));
const CohortsPage = lazy(() => import('@web/features/cohorts/pages/cohorts-page'));
const CohortEditPage = lazy(() => import('@web/features/cohorts/pages/cohort-edit-page'));
const CohortPage = lazy(() => import('@web/features/cohorts/pages/cohort-page'));
const CohortAssessmentPage = lazy(() => import('@web/features/cohorts/pages/assessment-page'));
const CohortResultsPage = lazy(() => import('@web/features/cohorts/pages/results-page'));
const NetworkPage = landingPage(() => import('@web/features/network/pages/network-page'));
/** The network graph page (and, inside it, ECharts) loads only when a visitor opens it. */
const NetworkGraphPage = lazy(() => import('@web/features/network/pages/network-graph-page'));
const PartnerPage = landingPage(() => import('@web/features/network/pages/partner-page'));
const PartnerEditPage = lazy(() => import('@web/features/network/pages/partner-edit-page'));
const LibraryPage = landingPage(() => import('@web/features/knowledge/pages/library-page'));
const ResourcePage = landingPage(() => import('@web/features/knowledge/pages/resource-page'));
const LibraryManagePage = lazy(() => import('@web/features/knowledge/pages/manage-page'));
const ResourceEditPage = lazy(() => import('@web/features/knowledge/pages/resource-edit-page'));
const NeedsPage = landingPage(() => import('@web/features/needs/pages/needs-page'));
const NeedNewPage = landingPage(() => import('@web/features/needs/pages/need-new-page'));
const NeedPage = landingPage(() => import('@web/features/needs/pages/need-page'));
const AdminNeedsPage = lazy(() => import('@web/features/needs/pages/admin-needs-page'));
const StatementMatchesPage = lazy(() => import('@web/features/needs/pages/statement-matches-page'));
const CataloguePage = landingPage(() => import('@web/features/innovations/pages/catalogue-page'));
const InnovationPage = landingPage(() => import('@web/features/innovations/pages/innovation-page'));
const InnovationEditPage = lazy(() => import('@web/features/innovations/pages/innovation-edit-page'));
const AdminInnovationsPage = lazy(() => import('@web/features/innovations/pages/admin-innovations-page'));
const IndicatorLibraryPage = lazy(() => import('@web/features/impact/pages/indicator-library-page'));
const ProxyLibraryPage = lazy(() => import('@web/features/impact/pages/proxy-library-page'));
const ProjectImpactPage = lazy(() => import('@web/features/impact/pages/project-impact-page'));
const SroiEditorPage = lazy(() => import('@web/features/impact/pages/sroi-editor-page'));
const ImpactReportPage = lazy(() => import('@web/features/impact/pages/impact-report-page'));
const ImpactPortfolioPage = lazy(() => import('@web/features/impact/pages/impact-portfolio-page'));
const CoveragePage = landingPage(() => import('@web/features/coverage/pages/coverage-page'));
const CoverageProvincePage = landingPage(() => import('@web/features/coverage/pages/coverage-province-page'));
const DashboardsPage = lazy(() => import('@web/features/dashboards/pages/dashboards-page'));
const ImpactDashboardPage = landingPage(() => import('@web/features/dashboards/pages/impact-dashboard-page'));
const InsightsPage = lazy(() => import('@web/features/insights/pages/insights-page'));
const DataImportsPage = lazy(() => import('@web/features/data-imports/pages/data-imports-page'));
const OpenDataPage = landingPage(() => import('@web/features/open-data/pages/open-data-page'));
const DiffusionPage = landingPage(() => import('@web/features/diffusion/pages/diffusion-page'));
const VillagePage = lazy(() => import('@web/features/diffusion/pages/village-page'));
const AdoptionPage = lazy(() => import('@web/features/diffusion/pages/adoption-page'));
const AdoptionEditPage = lazy(() => import('@web/features/diffusion/pages/adoption-edit-page'));
const PersonnelPage = lazy(() => import('@web/features/mentoring/pages/personnel-page'));
const PersonPage = lazy(() => import('@web/features/mentoring/pages/person-page'));
const PersonEditPage = lazy(() => import('@web/features/mentoring/pages/person-edit-page'));
const MentoringPage = lazy(() => import('@web/features/mentoring/pages/mentoring-page'));
const MentoringRequestNewPage = lazy(() => import('@web/features/mentoring/pages/request-new-page'));
const MentoringRequestPage = lazy(() => import('@web/features/mentoring/pages/request-page'));
const UnitsPage = landingPage(() => import('@web/features/units/pages/units-page'));
const UnitPage = landingPage(() => import('@web/features/units/pages/unit-page'));
const UnitsRollupPage = lazy(() => import('@web/features/units/pages/units-rollup-page'));
const UnitDashboardPage = lazy(() => import('@web/features/units/pages/unit-dashboard-page'));
const EventsPage = landingPage(() => import('@web/features/activities/pages/events-page'));
const EventPage = landingPage(() => import('@web/features/activities/pages/event-page'));
const MyRegistrationsPage = lazy(() => import('@web/features/activities/pages/my-registrations-page'));
const AttendPage = lazy(() => import('@web/features/activities/pages/attend-page'));
const ActivityCertificatePage = lazy(() => import('@web/features/activities/pages/certificate-page'));
const ManageActivitiesPage = lazy(() => import('@web/features/activities/pages/manage-activities-page'));
const ActivityEditorPage = lazy(() => import('@web/features/activities/pages/activity-editor-page'));
const ActivityAdminPage = lazy(() => import('@web/features/activities/pages/activity-admin-page'));

/** The routes of the app; main.tsx makes the browser router of them. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'programmes', ...ProgrammesPage },
      { path: 'programmes/:slug', ...ProgrammePage },
      { path: 'provinces', ...ProvincesPage },
      { path: 'provinces/:code', ...ProvincePage },
      { path: 'map', ...MapPage },
      { path: 'register', element: <RegisterPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'account/two-factor', element: <TwoFactorPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      { path: 'admin/mail', element: <DevMailPage /> },
      { path: 'organisations', element: <OrganisationsPage /> },
      { path: 'organisations/new', element: <OrganisationNewPage /> },
      { path: 'organisations/:id', element: <OrganisationPage /> },
      { path: 'organisations/:id/edit', element: <OrganisationEditPage /> },
      { path: 'invitations/accept', element: <AcceptInvitationPage /> },
      { path: 'admin/users', element: <AdminUsersPage /> },
      { path: 'admin/target-provinces', element: <TargetGroupPage /> },
      { path: 'calls', ...CallsPage },
      { path: 'calls/:id', ...CallPage },
      { path: 'calls/:id/results', ...ResultsPage },
      { path: 'proposals', element: <MyProposalsPage /> },
      { path: 'proposals/:id', element: <ProposalPage /> },
      { path: 'admin/programmes/:slug/edit', element: <ProgrammeEditPage /> },
      { path: 'admin/calls', element: <CallsAdminPage /> },
      { path: 'admin/calls/new', element: <CallEditPage /> },
      { path: 'admin/calls/:id/edit', element: <CallEditPage /> },
      { path: 'admin/calls/:id/form/:stage', element: <FormBuilderPage /> },
      { path: 'admin/calls/:id/proposals', element: <IntakePage /> },
      { path: 'admin/calls/:id/rubric/:stage', element: <RubricPage /> },
      { path: 'admin/calls/:id/ranking', element: <RankingPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'contests', ...ContestsPage },
      { path: 'contests/certificates', element: <CertificatePage /> },
      { path: 'contests/certificates/:code', element: <CertificatePage /> },
      { path: 'contests/:id', ...ContestPage },
      { path: 'contests/:id/nominate', element: <NominatePage /> },
      { path: 'contests/:id/winners', element: <WinnersPage /> },
      { path: 'admin/contests', element: <AdminContestsPage /> },
      { path: 'admin/contests/new', element: <ContestEditPage /> },
      { path: 'admin/contests/:id', element: <ContestAdminPage /> },
      { path: 'admin/contests/:id/edit', element: <ContestEditPage /> },
      { path: 'judging', element: <JudgingPage /> },
      { path: 'judging/:id', element: <JudgingSheetPage /> },
      { path: 'calls/:id/vote', element: <VotePage /> },
      { path: 'admin/calls/:id/reviewers', element: <CallReviewersPage /> },
      { path: 'reviews', element: <MyReviewsPage /> },
      { path: 'reviews/profile', element: <ReviewerProfilePage /> },
      { path: 'reviews/:assignmentId', element: <ReviewAssignmentPage /> },
      { path: 'projects', element: <ProjectsPage /> },
      { path: 'projects/:id', element: <ProjectPage /> },
      { path: 'projects/:id/reports/:reportId', element: <ProjectReportPage /> },
      { path: 'admin/projects/:id/setup', element: <ProjectSetupPage /> },
      { path: 'admin/disbursements', element: <DisbursementsPage /> },
      { path: 'cohorts', element: <CohortsPage /> },
      { path: 'cohorts/new', element: <CohortEditPage /> },
      { path: 'cohorts/:id', element: <CohortPage /> },
      { path: 'cohorts/:id/edit', element: <CohortEditPage /> },
      { path: 'cohorts/:id/assessment', element: <CohortAssessmentPage /> },
      { path: 'cohorts/:id/results', element: <CohortResultsPage /> },
      { path: 'network', ...NetworkPage },
      { path: 'network/graph', element: <NetworkGraphPage /> },
      { path: 'network/partners/:id', ...PartnerPage },
      { path: 'admin/network/partners/new', element: <PartnerEditPage /> },
      { path: 'admin/network/partners/:id/edit', element: <PartnerEditPage /> },
      { path: 'knowledge', ...LibraryPage },
      { path: 'knowledge/:id', ...ResourcePage },
      { path: 'admin/knowledge', element: <LibraryManagePage /> },
      { path: 'admin/knowledge/new', element: <ResourceEditPage /> },
      { path: 'admin/knowledge/:id', element: <ResourceEditPage /> },
      { path: 'needs', ...NeedsPage },
      { path: 'needs/new', ...NeedNewPage },
      { path: 'needs/:id', ...NeedPage },
      { path: 'admin/needs', element: <AdminNeedsPage /> },
      { path: 'problem-statements/:id/matches', element: <StatementMatchesPage /> },
      { path: 'innovations', ...CataloguePage },
      { path: 'innovations/new', element: <InnovationEditPage /> },
      { path: 'innovations/:id', ...InnovationPage },
      { path: 'innovations/:id/edit', element: <InnovationEditPage /> },
      { path: 'admin/innovations', element: <AdminInnovationsPage /> },
      { path: 'admin/impact/indicators', element: <IndicatorLibraryPage /> },
      { path: 'admin/impact/proxies', element: <ProxyLibraryPage /> },
      { path: 'projects/:id/impact', element: <ProjectImpactPage /> },
      { path: 'projects/:id/sroi/:assessmentId', element: <SroiEditorPage /> },
      { path: 'projects/:id/impact/report', element: <ImpactReportPage /> },
      { path: 'impact/portfolio', element: <ImpactPortfolioPage /> },
      { path: 'coverage', ...CoveragePage },
      { path: 'coverage/:code', ...CoverageProvincePage },
      { path: 'dashboards', element: <DashboardsPage /> },
      { path: 'impact', ...ImpactDashboardPage },
      { path: 'admin/insights', element: <InsightsPage /> },
      { path: 'admin/data-imports', element: <DataImportsPage /> },
      { path: 'open-data', ...OpenDataPage },
      { path: 'diffusion', ...DiffusionPage },
      { path: 'villages/:id', element: <VillagePage /> },
      { path: 'adoptions/new', element: <AdoptionEditPage /> },
      { path: 'adoptions/:id', element: <AdoptionPage /> },
      { path: 'adoptions/:id/edit', element: <AdoptionEditPage /> },
      { path: 'personnel', element: <PersonnelPage /> },
      { path: 'personnel/new', element: <PersonEditPage /> },
      { path: 'personnel/:id', element: <PersonPage /> },
      { path: 'personnel/:id/edit', element: <PersonEditPage /> },
      { path: 'mentoring', element: <MentoringPage /> },
      { path: 'mentoring/new', element: <MentoringRequestNewPage /> },
      { path: 'mentoring/requests/:id', element: <MentoringRequestPage /> },
      { path: 'units', ...UnitsPage },
      { path: 'units/:id', ...UnitPage },
      { path: 'admin/units', element: <UnitsRollupPage /> },
      { path: 'admin/units/:id', element: <UnitDashboardPage /> },
      { path: 'events', ...EventsPage },
      { path: 'events/mine', element: <MyRegistrationsPage /> },
      { path: 'events/:id', ...EventPage },
      { path: 'attend', element: <AttendPage /> },
      { path: 'certificates', element: <ActivityCertificatePage /> },
      { path: 'certificates/:code', element: <ActivityCertificatePage /> },
      { path: 'admin/activities', element: <ManageActivitiesPage /> },
      { path: 'admin/activities/new', element: <ActivityEditorPage /> },
      { path: 'admin/activities/:id', element: <ActivityAdminPage /> },
      { path: 'admin/activities/:id/edit', element: <ActivityEditorPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
