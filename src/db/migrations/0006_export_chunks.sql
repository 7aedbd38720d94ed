CREATE TABLE "document_export_chunks" (
	"export_id" text NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "document_export_chunks_export_id_seq_pk" PRIMARY KEY("export_id","seq")
);
--> statement-breakpoint
ALTER TABLE "document_exports" ADD COLUMN "size" bigint;--> statement-breakpoint
ALTER TABLE "document_exports" ADD COLUMN "chunk_count" integer;--> statement-breakpoint
ALTER TABLE "document_exports" ADD COLUMN "run_id" text;--> statement-breakpoint
ALTER TABLE "document_export_chunks" ADD CONSTRAINT "document_export_chunks_export_id_document_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."document_exports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_exports" DROP COLUMN "bytes";