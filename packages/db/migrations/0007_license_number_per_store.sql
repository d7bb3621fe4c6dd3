DROP INDEX "licenses_number_key";--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_store_number_key" ON "licenses" USING btree ("store_id",upper("number"));