import { Field, ObjectType } from 'type-graphql';
import { Code, CodeModel } from '../code/code.type';

@ObjectType({ simpleResolvers: true, description: 'What importing a code page did.' })
export class ImportResult {
  @Field(() => Code, { description: 'The code as stored now.' })
  code!: CodeModel;

  @Field(() => Boolean, { description: 'True when the code had no page before this import.' })
  created!: boolean;

  @Field(() => [String], { description: 'Things the importer tolerated or could not map to the vocabulary, with the line when there is one.' })
  warnings!: string[];
}
