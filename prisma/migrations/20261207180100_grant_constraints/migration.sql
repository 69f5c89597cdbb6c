-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "authorizationDetails" JSONB;

-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "narrowedAuthorizationDetails" JSONB;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "authorizationDetails" JSONB;
