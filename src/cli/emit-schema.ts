import 'reflect-metadata';
import { printSchema } from 'graphql';
import { buildSchema, SCHEMA_FILE } from '../schema';

/** npm run schema:emit: writes schema/schema.graphql from the TypeGraphQL classes. */
const schema = buildSchema(true);
process.stdout.write(`wrote ${SCHEMA_FILE} (${printSchema(schema).split('\n').length} lines)\n`);
